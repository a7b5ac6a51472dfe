package dev.precis.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where each config key came from: a line of the YAML file, or a command-line override. Lets an
 * error about {@code tune.trials} say {@code bank.yaml:31} or {@code --set tune.trials=0}.
 */
final class ConfigOrigins {
  private final Map<String, String> origins = new LinkedHashMap<>();

  /** Records the line of every key in a YAML document. */
  void indexFile(Path file, String yamlText) throws IOException {
    try (JsonParser parser = Mappers.yaml().getFactory().createParser(yamlText)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        if (token == JsonToken.FIELD_NAME) {
          StringBuilder key = new StringBuilder();
          for (var context = parser.getParsingContext();
              context != null && context.getParent() != null;
              context = context.getParent()) {
            String name = context.getCurrentName();
            key.insert(
                0,
                (name != null ? name : String.valueOf(context.getCurrentIndex()))
                    + (key.length() > 0 ? "." : ""));
          }
          origins.put(key.toString(), file + ":" + parser.currentTokenLocation().getLineNr());
        }
      }
    }
  }

  /**
   * Records a command-line override as the origin of its key and of every key inside the section it
   * sets: --set 'data={positive: yes}' is where data.positive came from, whatever the file said.
   */
  void record(String keyPath, String source, JsonNode value) {
    origins.remove(keyPath); // re-inserted last: the latest override wins the search below a key
    origins.put(keyPath, source);
    value
        .fields()
        .forEachRemaining(
            field -> record(keyPath + "." + field.getKey(), source, field.getValue()));
  }

  /**
   * The origin of a key; else of the latest key recorded below it; else of its nearest parent that
   * has one; "defaults" when none has.
   */
  String of(String keyPath) {
    if (origins.containsKey(keyPath)) {
      return origins.get(keyPath);
    }
    // An override records only its full path: --set model.param.epochs=30 is what introduced the
    // unknown key model.param, not the file or defaults that hold model.
    String below = null;
    for (Map.Entry<String, String> entry : origins.entrySet()) {
      if (entry.getKey().startsWith(keyPath + ".")) {
        below = entry.getValue();
      }
    }
    if (below != null) {
      return below;
    }
    for (String key = parent(keyPath); !key.isEmpty(); key = parent(key)) {
      String origin = origins.get(key);
      if (origin != null) {
        return origin;
      }
    }
    return "defaults";
  }

  private static String parent(String key) {
    int dot = key.lastIndexOf('.');
    return dot < 0 ? "" : key.substring(0, dot);
  }
}
