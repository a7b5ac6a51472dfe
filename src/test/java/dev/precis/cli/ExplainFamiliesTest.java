package dev.precis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.precis.config.Mappers;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Specifies {@code predict --explain} for every family: each explains, by its exact method or by
 * occlusion, with reasons named by column and value, and the reasons written do not depend on the
 * number of threads.
 */
class ExplainFamiliesTest {
  @TempDir static Path dir;

  private static Path train(String name, String family, String data, String... sets) {
    Path model = dir.resolve(name + ".precis");
    List<String> args = new ArrayList<>(List.of("--quiet", "--model", family));
    for (String set : sets) {
      args.add("--set");
      args.add(set);
    }
    CliRun run = CliRun.train(Path.of(data), model, args.toArray(String[]::new));
    assertEquals(0, run.exitCode(), run.err());
    return model;
  }

  private static List<String> explain(Path model, Path data, String name, String... options)
      throws IOException {
    Path out = dir.resolve(name + ".csv");
    String summary = dir.resolve(name + ".json").toString();
    CliRun run =
        CliRun.predict(
            model,
            data,
            out,
            CliRun.concat(List.of("--explain", "3", "--summary", summary), options));
    assertEquals(0, run.exitCode(), run.err());
    return Files.readAllLines(out, StandardCharsets.UTF_8);
  }

  private static String method(String name) throws IOException {
    JsonNode summary = Mappers.json().readTree(dir.resolve(name + ".json").toFile());
    return summary.get("explanation").asText();
  }

  @ParameterizedTest
  @CsvSource({
    "tree, occlusion, model.params.max_depth=6",
    "forest, occlusion, model.params.trees=10",
    "fm, occlusion, model.params.epochs=2",
    "naive-bayes, occlusion, model.params.alpha=1",
    "mlp, occlusion, model.params.epochs=2",
    "linear-svm, linear, model.params.cost=1",
    "xgboost, treeshap, model.params.rounds=20"
  })
  void everyFamilyExplainsItsRows(String family, String method, String params) throws IOException {
    Path model = train(family, family, BankData.CSV.toString(), "data.drop=[duration]", params);
    List<String> lines = explain(model, BankData.CSV, family);
    assertEquals("score,decile,reason1,reason2,reason3", lines.get(0));
    assertEquals(BankData.ROWS + 1, lines.size());
    int named = 0;
    for (CSVRecord row : CSVFormat.DEFAULT.parse(new StringReader(String.join("\n", lines)))) {
      String reason = row.get(2);
      if (row.getRecordNumber() == 1) {
        continue;
      }
      assertTrue(
          reason.isEmpty() || reason.matches("[^=]+(=.*)? \\([+-]\\d+\\.\\d\\d\\)"),
          row.toString());
      named += reason.matches("[a-z_.]+=.+") ? 1 : 0;
    }
    // a single tree gives a row landing in the baseline row's leaf no reason at all
    assertTrue(named > BankData.ROWS / 4, named + " rows have a reason named by its value");
    assertEquals(method, method(family));
  }

  @Test
  void aTextModelExplainsItsScoresByTheMessage() throws IOException {
    Path data = SmsSample.slice(SmsSample.TRAIN, 0, 400, dir.resolve("sms.tsv"));
    Path model = dir.resolve("text.precis");
    CliRun run =
        SmsSample.train(
            data,
            model,
            "--model",
            "text-embedding-bag",
            "--set",
            "data.types={text: text}",
            "--set",
            "model.params.epochs=2");
    assertEquals(0, run.exitCode(), run.transcript());
    List<String> lines = explain(model, data, "text");
    assertTrue(
        lines.stream().skip(1).anyMatch(line -> line.contains(",text=")),
        "the message is a reason: " + lines.subList(0, 3));
    assertEquals("occlusion", method("text"));
  }

  @Test
  void theReasonsDoNotDependOnTheThreads() throws IOException {
    for (String family : List.of("forest", "xgboost")) {
      Path model =
          train(
              family + "-threads",
              family,
              BankData.CSV.toString(),
              "data.drop=[duration]",
              family.equals("forest") ? "model.params.trees=10" : "model.params.rounds=20");
      assertEquals(
          explain(model, BankData.CSV, family + "-1", "--threads", "1"),
          explain(model, BankData.CSV, family + "-3", "--threads", "3"),
          family);
    }
  }
}
