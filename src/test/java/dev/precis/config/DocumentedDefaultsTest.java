package dev.precis.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precis.eval.Gates;
import dev.precis.model.ModelCatalog;
import dev.precis.tune.SearchSpace;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Specifies that defaults.yaml, the reference of every key, documents what the loader accepts. */
class DocumentedDefaultsTest {
  private final ConfigLoader loader =
      new ConfigLoader(c -> SearchSpace.validate(Gates.validate(ModelCatalog.complete(c))));

  @Test
  void tuneMetricListsExactlyTheMetricsTheLoaderAccepts() throws IOException {
    List<String> documented =
        Arrays.stream(comment("metric").split("\\|")).map(String::trim).toList();
    assertEquals(Gates.metrics(), documented);
    for (String metric : documented) {
      assertEquals(metric, load("tune.metric=" + metric).tune().metric());
    }
  }

  @Test
  void everyRangeKeyDocumentedForTuneSpaceIsAccepted() throws IOException {
    Matcher range = Pattern.compile("\\{(.*)}").matcher(comment("space"));
    assertTrue(range.find(), comment("space"));
    List<String> keys = new ArrayList<>();
    Matcher key = Pattern.compile("(\\w+):").matcher(range.group(1));
    while (key.find()) {
      keys.add(key.group(1));
    }
    assertFalse(keys.isEmpty(), range.group(1));
    for (String name : keys) {
      String extra = name.equals("min") || name.equals("max") ? "" : ", " + name + ": true";
      load("tune.space.epochs={min: 1, max: 20" + extra + "}");
    }
  }

  @Test
  void threadLimitsAreDocumented() throws IOException {
    String limit = "0 to " + EngineConfig.MAX_THREADS;
    assertTrue(comment("threads").contains(limit), comment("threads"));
    assertTrue(comment("parallel").contains(limit), comment("parallel"));
  }

  private PrecisConfig load(String assignment) {
    return loader.load(null, List.of(ConfigOverride.parseSet(assignment)));
  }

  /** The comment on the line of a key in defaults.yaml. */
  private static String comment(String key) throws IOException {
    try (InputStream in = ConfigLoader.class.getResourceAsStream("/dev/precis/defaults.yaml")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.lines()
          .filter(line -> line.trim().startsWith(key + ":"))
          .map(line -> line.substring(line.indexOf('#') + 1).trim())
          .findFirst()
          .orElseThrow(() -> new AssertionError("no " + key + " in defaults.yaml"));
    }
  }
}
