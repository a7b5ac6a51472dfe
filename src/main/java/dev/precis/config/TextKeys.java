package dev.precis.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * The config keys whose values are text. YAML reads an unquoted yes, no, on, off, true or false as
 * a boolean, so such a value typed for one of these keys is either kept as typed (a {@code --set}
 * value) or refused with a hint to quote it (a file's).
 */
final class TextKeys {
  private static final Set<String> KEYS =
      Set.of(
          "data.path",
          "data.target",
          "data.positive",
          "data.id",
          "data.delimiter",
          "data.encoding",
          "model.type",
          "tune.metric",
          "data.drop",
          "prep.missing.tokens");

  private TextKeys() {}

  /** Whether the key holds text (or a list of text). */
  static boolean contains(String keyPath) {
    return KEYS.contains(keyPath);
  }

  /**
   * Refuses a boolean where a text key's value, or an item of its list, should be.
   *
   * @throws dev.precis.PrecisException (usage) at the key's origin, saying to quote the value
   */
  static void rejectBooleans(ObjectNode tree, ConfigOrigins origins) {
    for (String key : KEYS) {
      JsonNode node = tree.at("/" + key.replace('.', '/'));
      boolean bool = node.isBoolean();
      for (JsonNode item : node.isArray() ? node : JsonNodeFactory.instance.arrayNode()) {
        bool |= item.isBoolean();
      }
      if (bool) {
        throw BindingErrors.located(
            origins.of(key),
            key,
            "YAML reads an unquoted yes, no, on, off, true or false as a boolean; "
                + "put the value in quotes, e.g. positive: \"yes\"");
      }
    }
  }
}
