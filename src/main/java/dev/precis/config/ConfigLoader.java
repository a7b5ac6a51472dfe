package dev.precis.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
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
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Builds the resolved config: the built-in defaults, then the YAML file, then command-line
 * overrides, bound to {@link PrecisConfig} and validated. Every error names where the bad key came
 * from (file and line, or the option) and how to fix it.
 */
public final class ConfigLoader {
  /** Maps keyed by column names, which may hold dots: the rest of a --set path is one key. */
  private static final Set<String> KEYED_BY_COLUMN = Set.of("data.types");

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
      origins.record(override.keyPath(), override.source(), apply(tree, override));
    }
    return finish(tree, origins);
  }

  private PrecisConfig finish(ObjectNode tree, ConfigOrigins origins) {
    TextKeys.rejectBooleans(tree, origins);
    try {
      return finisher.apply(Mappers.yaml().treeToValue(tree, PrecisConfig.class));
    } catch (ConfigException e) {
      throw BindingErrors.explain(e, origins);
    } catch (JsonProcessingException e) {
      throw BindingErrors.explain(e, origins);
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
    if (Files.isDirectory(file)) {
      throw PrecisException.usage(file + ": is a directory; give the config file to --config");
    }
    if (!Files.exists(file)) {
      throw PrecisException.usage(
          file + ": config file not found; check the path given to --config");
    }
    ObjectNode user = sections(ConfigText.read(file), file.toString(), origins);
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
      throw PrecisException.usage(ConfigText.yamlError(name, e));
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

  /** A data path in a config file is relative to that file, so configs travel with their data. */
  private static void resolveDataPath(ObjectNode user, Path file) {
    JsonNode path = user.path("data").path("path");
    if (!path.isTextual() || path.asText().equals("-") || Path.of(path.asText()).isAbsolute()) {
      return; // "-" is standard input, not a file beside the config
    }
    Path resolved = file.toAbsolutePath().getParent().resolve(path.asText()).normalize();
    // Messages show the path as short as it can be: relative when it lies below the working
    // directory, absolute rather than a climb of ../.. when it does not.
    Path relative = Path.of("").toAbsolutePath().relativize(resolved);
    String shown =
        relative.toString().isEmpty()
            ? "."
            : relative.startsWith("..") ? resolved.toString() : relative.toString();
    ((ObjectNode) user.get("data")).put("path", shown);
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

  /** Sets the override's key in the tree; returns the value it set. */
  private static JsonNode apply(ObjectNode tree, ConfigOverride override) {
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
    JsonNode value = parseValue(override);
    String last = keys.get(keys.size() - 1);
    if (node.get(last) instanceof ObjectNode section && value instanceof ObjectNode fields) {
      merge(
          section, fields); // as a file does: --set 'prep.split={valid: 0.2}' keeps the other keys
    } else {
      node.set(last, value);
    }
    return value;
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
  private static JsonNode parseValue(ConfigOverride override) {
    String value = override.value();
    String trimmed = value.trim();
    if (trimmed.equals("null") || trimmed.equals("~")) {
      return JsonNodeFactory.instance.nullNode();
    }
    boolean collection = trimmed.startsWith("[") || trimmed.startsWith("{");
    if (!collection && TextKeys.contains(override.keyPath())) {
      return TextNode.valueOf(value);
    }
    JsonNode parsed;
    try {
      parsed = Mappers.yaml().readTree(trimmed);
    } catch (JsonProcessingException e) {
      if (collection) {
        throw PrecisException.usage(
            override.source() + ": '" + value + "' is not a valid YAML list or map: " + problem(e));
      }
      return TextNode.valueOf(value);
    }
    if (collection) {
      return withGluedPairsSplit(parsed, override);
    }
    return parsed != null && parsed.isValueNode() ? parsed : TextNode.valueOf(value);
  }

  /**
   * YAML needs a space after the colon of a flow map entry: it reads {age:categorical} as the key
   * "age:categorical" with no value. Typed on a command line, that is always meant as age:
   * categorical (no key takes a missing value from a flow map), so such an entry is read that way
   * when it holds one colon; with more, which colon was meant is unknowable, and the error says to
   * add the space.
   */
  private static JsonNode withGluedPairsSplit(JsonNode node, ConfigOverride override) {
    if (node instanceof ObjectNode map) {
      ObjectNode split = JsonNodeFactory.instance.objectNode();
      map.fields()
          .forEachRemaining(
              entry -> {
                String key = entry.getKey();
                JsonNode value = entry.getValue();
                boolean noValue = value.isNull() || value.asText().isEmpty();
                if (!noValue || !key.contains(":")) {
                  split.set(key, withGluedPairsSplit(value, override));
                  return;
                }
                int colon = key.indexOf(':');
                if (colon == 0 || colon == key.length() - 1 || colon != key.lastIndexOf(':')) {
                  throw PrecisException.usage(
                      override.source()
                          + ": '"
                          + key
                          + "' has no value; in a YAML map put a space after the colon, e.g."
                          + " {age: categorical}");
                }
                split.set(key.substring(0, colon), scalar(key.substring(colon + 1)));
              });
      return split;
    }
    if (node.isArray()) {
      ArrayNode items = JsonNodeFactory.instance.arrayNode();
      node.forEach(item -> items.add(withGluedPairsSplit(item, override)));
      return items;
    }
    return node;
  }

  /** What YAML found wrong, in one line: its message spans lines and quotes the input. */
  private static String problem(JsonProcessingException e) {
    return e.getCause() instanceof MarkedYAMLException marked && marked.getProblem() != null
        ? marked.getProblem()
        : e.getOriginalMessage().lines().findFirst().orElse("");
  }

  /** One value as YAML reads it: a number, a boolean, or text. */
  private static JsonNode scalar(String text) {
    try {
      JsonNode parsed = Mappers.yaml().readTree(text);
      return parsed != null && parsed.isValueNode() ? parsed : TextNode.valueOf(text);
    } catch (JsonProcessingException e) {
      return TextNode.valueOf(text);
    }
  }
}
