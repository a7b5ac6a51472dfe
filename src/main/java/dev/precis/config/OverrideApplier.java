package dev.precis.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precis.PrecisException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Sets one command-line override's key in the config tree, creating the sections on its path. A map
 * given for a section is laid over it as a file's would be, so {@code --set 'prep.split={valid:
 * 0.2}'} keeps the section's other keys.
 */
final class OverrideApplier {
  /** Maps keyed by column names, which may hold dots: the rest of a --set path is one key. */
  private static final Set<String> KEYED_BY_COLUMN = Set.of("data.types");

  private OverrideApplier() {}

  /**
   * Sets the override's key in the tree; returns the value it set.
   *
   * @throws PrecisException (usage) naming the option when a key on the path holds a single value
   *     rather than a section, or the value cannot be read (see {@link OverrideValue#parse})
   */
  static JsonNode apply(ObjectNode tree, ConfigOverride override) {
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
    JsonNode value = OverrideValue.parse(override);
    String last = keys.get(keys.size() - 1);
    // A section given fields adds them; given {} it is cleared (--set 'model.params={}').
    if (node.get(last) instanceof ObjectNode section
        && value instanceof ObjectNode fields
        && !fields.isEmpty()) {
      ConfigLoader.merge(section, fields);
    } else {
      node.set(last, value);
    }
    return value;
  }

  private static List<String> splitKey(String keyPath) {
    for (String prefix : KEYED_BY_COLUMN) {
      if (keyPath.startsWith(prefix + ".")) {
        List<String> keys = new ArrayList<>(Arrays.asList(prefix.split("\\.")));
        keys.add(keyPath.substring(prefix.length() + 1));
        return keys;
      }
    }
    return Arrays.asList(keyPath.split("\\."));
  }
}
