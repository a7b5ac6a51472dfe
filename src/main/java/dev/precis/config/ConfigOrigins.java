package dev.precis.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each config key came from: a line of the YAML file, or a command-line override. Lets an
 * error about {@code tune.trials} say {@code bank.yaml:31} or {@code --set tune.trials=0}.
 */
final class ConfigOrigins {
  private final Map<String, String> origins = new HashMap<>();

  /** Records the line of every key in a YAML document; {@code document} says where it is. */
  void indexDocument(String document, String yamlText) throws IOException {
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
          origins.put(key.toString(), document + ":" + parser.currentTokenLocation().getLineNr());
        }
      }
    }
  }

  void record(String keyPath, String source) {
    origins.put(keyPath, source);
  }

  /** The origin of a key, or of its nearest parent that has one; "defaults" when none has. */
  String of(String keyPath) {
    for (String key = keyPath; !key.isEmpty(); key = parent(key)) {
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
