package dev.precis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Specifies that the mlp is fed normal scores of its numbers' training quantiles, whatever
 * prep.scale says, while other families keep prep.scale; and that the bundle scores a row from its
 * saved quantiles alone, not from the file being scored.
 */
class MlpQuantileBundleTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private Path train(String model) {
    Path bundle = dir.resolve(model + ".precis");
    CliRun run =
        CliRun.train(
            BankData.CSV,
            bundle,
            "--model",
            model,
            "--set",
            "data.drop=[duration]",
            "--set",
            "model.params.epochs=2",
            "--set",
            "prep.scale=robust",
            "-q");
    assertEquals(0, run.exitCode(), run.transcript());
    return bundle;
  }

  private static JsonNode step(Path bundle, String name) throws IOException {
    try (ZipFile zip = new ZipFile(bundle.toFile())) {
      JsonNode pipeline = JSON.readTree(zip.getInputStream(zip.getEntry("pipeline.json")));
      for (JsonNode s : pipeline.path("steps")) {
        if (s.path("name").asText().equals(name)) {
          return s;
        }
      }
      throw new AssertionError("no step " + name + " in " + pipeline);
    }
  }

  private List<String> scores(Path bundle, Path data) throws IOException {
    Path out = dir.resolve("scores-" + data.getFileName());
    CliRun run = CliRun.predict(bundle, data, out, "--force");
    assertEquals(0, run.exitCode(), run.transcript());
    List<String> lines = Files.readAllLines(out);
    return lines.subList(1, lines.size()).stream().map(l -> l.split(",")[0]).toList();
  }

  @Test
  void mlpSavesQuantilesWhereLogisticKeepsItsScale() throws IOException {
    JsonNode mlpAge = step(train("mlp"), "age");
    assertTrue(mlpAge.path("quantiles").size() > 100, mlpAge.toString());
    JsonNode logisticAge = step(train("logistic"), "age");
    assertFalse(logisticAge.has("quantiles"), logisticAge.toString());
    assertTrue(logisticAge.path("scale").asDouble() > 1, "robust: the interquartile range of age");
  }

  @Test
  void rowsScoreAlikeWhateverTheOtherRowsOfTheFile() throws IOException {
    Path bundle = train("mlp");
    List<String> lines = BankData.lines();
    List<String> reversed = new ArrayList<>(lines.subList(1, lines.size()));
    Collections.reverse(reversed);
    reversed.add(0, lines.get(0));
    // The last 1,000 rows alone, reversed: a file whose own quantiles differ from the training
    // ones.
    List<String> part = new ArrayList<>(reversed.subList(0, 1001));
    List<String> all = scores(bundle, BankData.CSV);
    List<String> few = scores(bundle, BankData.write(dir.resolve("part.csv"), part));
    assertEquals(1000, few.size());
    for (int i = 0; i < few.size(); i++) {
      assertEquals(all.get(all.size() - 1 - i), few.get(i), "row " + (all.size() - i));
    }
    assertTrue(all.stream().distinct().count() > 1000, "scores differ from row to row");
  }
}
