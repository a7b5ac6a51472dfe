package dev.precis.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.precis.PrecisException;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * The value of a command-line override, read as YAML would read it (numbers, booleans, flow lists
 * and maps), except that a single value for a text key stays the text typed: {@code --set
 * data.positive=yes} means "yes".
 */
final class OverrideValue {
  private OverrideValue() {}

  /**
   * The override's value as a tree node.
   *
   * @throws PrecisException (usage) naming the option when a list or map is not valid YAML, or a
   *     map entry has no value
   */
  static JsonNode parse(ConfigOverride override) {
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
