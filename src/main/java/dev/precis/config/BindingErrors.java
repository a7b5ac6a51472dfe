package dev.precis.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.precis.Nearest;
import dev.precis.PrecisException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Failures to bind the config tree to {@link PrecisConfig}, told in the user's terms: where the key
 * came from (file and line, or the option), the key, and what it should hold. No Jackson text or
 * Java type names reach the message.
 */
final class BindingErrors {
  private BindingErrors() {}

  /** A usage error for a Jackson binding failure, naming the key and where it came from. */
  static PrecisException explain(JsonProcessingException e, ConfigOrigins origins) {
    if (e instanceof ValueInstantiationException && e.getCause() instanceof ConfigException cause) {
      return explain(cause, origins);
    }
    String keyPath = e instanceof JsonMappingException mapping ? keyPath(mapping) : "";
    String where = origins.of(keyPath);
    if (e instanceof UnrecognizedPropertyException unknown) {
      List<String> known =
          unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
      String parent =
          keyPath.contains(".") ? keyPath.substring(0, keyPath.lastIndexOf('.') + 1) : "";
      String hint =
          Nearest.to(unknown.getPropertyName(), known)
              .map(k -> "; did you mean '" + parent + k + "'?")
              .orElse("");
      return located(
          where, keyPath, "unknown key" + hint + " (valid here: " + String.join(", ", known) + ")");
    }
    if (e instanceof InvalidFormatException format) {
      return located(
          where, keyPath, "'" + format.getValue() + "' is not " + describe(format.getTargetType()));
    }
    if (e instanceof MismatchedInputException mismatch) {
      return located(where, keyPath, "expected " + describe(mismatch.getTargetType()));
    }
    return located(where, keyPath, e.getOriginalMessage());
  }

  /** A usage error for a check the config records made, at the origin of the key it names. */
  static PrecisException explain(ConfigException e, ConfigOrigins origins) {
    return located(origins.of(e.keyPath()), e.keyPath(), e.problem());
  }

  /** The one-line message every config error has: {@code where: key: problem}. */
  static PrecisException located(String where, String keyPath, String problem) {
    return PrecisException.usage(
        where + ": " + (keyPath.isEmpty() ? "" : keyPath + ": ") + problem);
  }

  private static String keyPath(JsonMappingException e) {
    return e.getPath().stream()
        .map(
            ref -> ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()))
        .collect(Collectors.joining("."));
  }

  /** What a value of the type looks like, as a config key's documentation would say it. */
  private static String describe(Class<?> type) {
    if (type == null) {
      return "a value of the right type";
    }
    if (type.isEnum()) {
      return "one of: "
          + Arrays.stream(type.getEnumConstants())
              .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT).replace('_', '-'))
              .collect(Collectors.joining(", "));
    }
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      return "a whole number";
    }
    if (type == double.class || type == Double.class) {
      return "a number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (List.class.isAssignableFrom(type)) {
      return "a list, e.g. [a, b]";
    }
    if (Map.class.isAssignableFrom(type) || type.isRecord()) {
      return "a section of keys (a map)";
    }
    return "a " + type.getSimpleName().toLowerCase(Locale.ROOT);
  }
}
