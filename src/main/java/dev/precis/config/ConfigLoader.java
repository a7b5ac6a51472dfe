package dev.precis.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.precis.Nearest;
import dev.precis.PrecisException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Builds the resolved config: the built-in defaults, then the YAML file, then command-line
 * overrides, bound to {@link PrecisConfig} and validated. Every error names where the bad key came
 * from (file and line, or the option) and how to fix it.
 */
public final class ConfigLoader {
  /** Maps keyed by column names, which may hold dots: the rest of a --set path is one key. */
  private static final Set<String> KEYED_BY_COLUMN = Set.of("data.types");

  /**
   * Keys whose values are text: YAML reads an unquoted yes/no/on/off/true/false there as a boolean.
   */
  private static final Set<String> TEXT_KEYS =
      Set.of(
          "data.path",
          "data.target",
          "data.positive",
          "data.id",
          "data.delimiter",
          "model.type",
          "tune.metric",
          "data.drop",
          "prep.missing.tokens");

  private final UnaryOperator<PrecisConfig> finisher;

  /**
   * @param finisher completes and checks what the config records alone cannot (model parameters
   *     against the model family); throws {@link ConfigException} naming the key
   */
  public ConfigLoader(UnaryOperator<PrecisConfig> finisher) {
    this.finisher = finisher;
  }

  /** Loads the config; {@code file} may be null to start from the defaults. */
  public PrecisConfig load(Path file, List<ConfigOverride> overrides) {
    return resolve(defaults(), file, overrides);
  }

  /** Loads the config on top of a complete one (a model bundle's) instead of the defaults. */
  public PrecisConfig loadOver(PrecisConfig base, Path file, List<ConfigOverride> overrides) {
    return resolve(Mappers.yaml().valueToTree(base), file, overrides);
  }

  /**
   * Loads a config kept as YAML text (a model bundle's config.yaml) over the defaults, so a key
   * added after the text was written takes its default.
   *
   * @param name where the text is, for error messages
   */
  public PrecisConfig loadText(String yamlText, String name) {
    ObjectNode tree = defaults();
    ConfigOrigins origins = new ConfigOrigins();
    ObjectNode sections = sections(yamlText, name, origins);
    if (sections != null) {
      merge(tree, sections);
    }
    return finish(tree, origins);
  }

  private PrecisConfig resolve(ObjectNode tree, Path file, List<ConfigOverride> overrides) {
    ConfigOrigins origins = new ConfigOrigins();
    if (file != null) {
      mergeFile(tree, file, origins);
    }
    for (ConfigOverride override : overrides) {
      apply(tree, override);
      origins.record(override.keyPath(), override.source());
    }
    return finish(tree, origins);
  }

  private PrecisConfig finish(ObjectNode tree, ConfigOrigins origins) {
    rejectBooleansForText(tree, origins);
    try {
      return finisher.apply(Mappers.yaml().treeToValue(tree, PrecisConfig.class));
    } catch (ConfigException e) {
      throw located(origins.of(e.keyPath()), e.keyPath(), e.problem());
    } catch (JsonProcessingException e) {
      throw explain(e, origins);
    }
  }

  /** The built-in defaults, as a tree. */
  public static ObjectNode defaults() {
    try (InputStream in = ConfigLoader.class.getResourceAsStream("/dev/precis/defaults.yaml")) {
      return (ObjectNode) Mappers.yaml().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void mergeFile(ObjectNode tree, Path file, ConfigOrigins origins) {
    if (!Files.isRegularFile(file)) {
      throw PrecisException.usage(
          file + ": config file not found; check the path given to --config");
    }
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw PrecisException.usage(file + ": cannot read the config file: " + e.getMessage());
    }
    ObjectNode user = sections(text, file.toString(), origins);
    if (user != null) {
      resolveDataPath(user, file);
      merge(tree, user);
    }
  }

  /** The top-level sections of a YAML document, or null when it is empty. */
  private static ObjectNode sections(String text, String name, ConfigOrigins origins) {
    JsonNode user;
    try {
      user = Mappers.yaml().readTree(text);
      origins.indexDocument(name, text);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw PrecisException.usage(
          name + ":" + line + ": not valid YAML: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (user == null || user.isMissingNode() || user.isNull()) {
      return null;
    }
    if (!user.isObject()) {
      throw PrecisException.usage(
          name + ":1: expected sections such as 'data:' and 'model:' at the top level");
    }
    return (ObjectNode) user;
  }

  private static void rejectBooleansForText(ObjectNode tree, ConfigOrigins origins) {
    for (String key : TEXT_KEYS) {
      JsonNode node = tree.at("/" + key.replace('.', '/'));
      boolean bool = node.isBoolean();
      for (JsonNode item : node.isArray() ? node : JsonNodeFactory.instance.arrayNode()) {
        bool |= item.isBoolean();
      }
      if (bool) {
        throw located(
            origins.of(key),
            key,
            "YAML reads an unquoted yes, no, on, off, true or false as a boolean; "
                + "put the value in quotes, e.g. positive: \"yes\"");
      }
    }
  }

  /** A data path in a config file is relative to that file, so configs travel with their data. */
  private static void resolveDataPath(ObjectNode user, Path file) {
    JsonNode path = user.path("data").path("path");
    if (path.isTextual() && !Path.of(path.asText()).isAbsolute()) {
      Path base = file.toAbsolutePath().getParent();
      Path resolved =
          Path.of("").toAbsolutePath().relativize(base.resolve(path.asText()).normalize());
      ((ObjectNode) user.get("data"))
          .put("path", resolved.toString().isEmpty() ? "." : resolved.toString());
    }
  }

  private static void merge(ObjectNode into, ObjectNode from) {
    from.fields()
        .forEachRemaining(
            entry -> {
              JsonNode existing = into.get(entry.getKey());
              if (existing instanceof ObjectNode target
                  && entry.getValue() instanceof ObjectNode source) {
                merge(target, source);
              } else {
                into.set(entry.getKey(), entry.getValue());
              }
            });
  }

  private static void apply(ObjectNode tree, ConfigOverride override) {
    List<String> keys = splitKey(override.keyPath());
    ObjectNode node = tree;
    for (int i = 0; i < keys.size() - 1; i++) {
      JsonNode child = node.get(keys.get(i));
      if (child == null || child.isNull()) {
        child = node.putObject(keys.get(i));
      }
      if (!(child instanceof ObjectNode object)) {
        throw PrecisException.usage(
            override.source()
                + ": '"
                + String.join(".", keys.subList(0, i + 1))
                + "' is a single value, not a section");
      }
      node = object;
    }
    JsonNode value = parseValue(override.keyPath(), override.value());
    String last = keys.get(keys.size() - 1);
    if (node.get(last) instanceof ObjectNode section && value instanceof ObjectNode fields) {
      merge(
          section, fields); // as a file does: --set 'prep.split={valid: 0.2}' keeps the other keys
    } else {
      node.set(last, value);
    }
  }

  private static List<String> splitKey(String keyPath) {
    for (String prefix : KEYED_BY_COLUMN) {
      if (keyPath.startsWith(prefix + ".")) {
        List<String> keys = new java.util.ArrayList<>(Arrays.asList(prefix.split("\\.")));
        keys.add(keyPath.substring(prefix.length() + 1));
        return keys;
      }
    }
    return Arrays.asList(keyPath.split("\\."));
  }

  /**
   * A --set value read as YAML would read it (numbers, booleans, flow lists and maps), except that
   * a single value for a text key stays the text typed: --set data.positive=yes means "yes".
   */
  private static JsonNode parseValue(String keyPath, String value) {
    String trimmed = value.trim();
    if (trimmed.equals("null") || trimmed.equals("~")) {
      return JsonNodeFactory.instance.nullNode();
    }
    boolean collection = trimmed.startsWith("[") || trimmed.startsWith("{");
    if (!collection && TEXT_KEYS.contains(keyPath)) {
      return TextNode.valueOf(value);
    }
    JsonNode parsed;
    try {
      parsed = Mappers.yaml().readTree(trimmed);
    } catch (JsonProcessingException e) {
      if (collection) {
        throw PrecisException.usage(
            "'" + value + "' is not a valid YAML list or map: " + e.getOriginalMessage());
      }
      return TextNode.valueOf(value);
    }
    return collection || (parsed != null && parsed.isValueNode())
        ? parsed
        : TextNode.valueOf(value);
  }

  private static PrecisException explain(JsonProcessingException e, ConfigOrigins origins) {
    if (e instanceof ValueInstantiationException && e.getCause() instanceof ConfigException cause) {
      return located(origins.of(cause.keyPath()), cause.keyPath(), cause.problem());
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

  private static String keyPath(JsonMappingException e) {
    return e.getPath().stream()
        .map(
            ref -> ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()))
        .collect(Collectors.joining("."));
  }

  private static String describe(Class<?> type) {
    if (type == null) {
      return "a value of the right type";
    }
    if (type.isEnum()) {
      return "one of: "
          + Arrays.stream(type.getEnumConstants())
              .map(c -> ((Enum<?>) c).name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
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
    if (java.util.Map.class.isAssignableFrom(type) || type.isRecord()) {
      return "a section of keys (a map)";
    }
    return "a " + type.getSimpleName().toLowerCase(java.util.Locale.ROOT);
  }

  private static PrecisException located(String where, String keyPath, String problem) {
    return PrecisException.usage(
        where + ": " + (keyPath.isEmpty() ? "" : keyPath + ": ") + problem);
  }
}
