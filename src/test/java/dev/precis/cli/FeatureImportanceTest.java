package dev.precis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Specifies the train report's permutation importance on bank with a column of pure noise added: it
 * names the user's columns, ranks the economic indicators high and the noise near zero, and is the
 * same for the same seed on any number of threads.
 */
class FeatureImportanceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] BANK = {
    "--set", "data.drop=[duration]", "--set", "prep.missing.tokens=[unknown]"
  };

  @TempDir static Path shared;
  private static Path data;
  private static CliRun run;
  private static JsonNode importance;

  @TempDir Path dir;

  @BeforeAll
  static void trainWithANoiseColumn() throws IOException {
    Random random = new Random(7);
    data =
        BankData.write(
            shared.resolve("noisy.csv"),
            BankData.withColumn(
                BankData.lines(), "noise", row -> Double.toString(random.nextGaussian())));
    run = CliRun.train(data, shared.resolve("noisy.precis"), BANK);
    assertEquals(0, run.exitCode(), run.transcript());
    importance = report(shared, "noisy").path("importance");
  }

  private static JsonNode report(Path dir, String name) throws IOException {
    return JSON.readTree(dir.resolve(name + ".train-report.json").toFile());
  }

  private static List<String> ranked(JsonNode importance) {
    List<String> columns = new ArrayList<>();
    importance.path("columns").forEach(c -> columns.add(c.path("column").asText()));
    return columns;
  }

  @Test
  void namesEveryInputColumnOnceAndNoEncodedFeature() {
    Set<String> expected = Set.copyOf(BankData.fields(BankData.lines().get(0)));
    List<String> columns = ranked(importance);
    assertEquals(BankData.FIELDS + 1 - 2, columns.size(), columns.toString()); // no y, duration
    assertEquals(columns.size(), Set.copyOf(columns).size(), columns.toString());
    for (String column : columns) {
      assertTrue(expected.contains('"' + column + '"') || column.equals("noise"), column);
    }
  }

  @Test
  void ranksTheEconomicIndicatorsHighAndTheNoiseNearZero() {
    List<String> columns = ranked(importance);
    List<String> top = columns.subList(0, 5);
    assertTrue(
        top.contains("nr.employed") || top.contains("euribor3m") || top.contains("pdays"),
        columns.toString());
    assertTrue(columns.indexOf("noise") >= columns.size() / 2, columns.toString());
    JsonNode noise = importance.path("columns").get(columns.indexOf("noise"));
    assertTrue(Math.abs(noise.path("mean").asDouble()) < 0.01, noise.toString());
    assertTrue(
        importance.path("columns").get(0).path("mean").asDouble() > 0.02, importance.toString());
  }

  @Test
  void isMeasuredOnTheValidationRowsWithRepeatsAndTheirSpread() {
    assertEquals("valid", importance.path("rows").asText());
    assertEquals(618, importance.path("sampled_rows").asInt());
    assertTrue(importance.path("repeats").asInt() > 1);
    assertTrue(importance.path("columns").get(0).path("std").asDouble() > 0, importance.toString());
    assertTrue(run.err().contains("Column importance"), run.err());
    assertTrue(run.err().contains("nr.employed"), run.err());
  }

  @Test
  void sameSeedGivesTheSameImportanceOnOneThread() throws IOException {
    CliRun again =
        CliRun.train(
            data,
            dir.resolve("again.precis"),
            CliRun.concat(List.of(BANK), "--set", "engine.threads=1"));
    assertEquals(0, again.exitCode(), again.transcript());
    assertEquals(importance, report(dir, "again").path("importance"));
  }

  @Test
  void withoutValidationRowsItIsMeasuredOnTheTrainingRowsAndSaysSo() throws IOException {
    CliRun noValid =
        CliRun.train(
            data,
            dir.resolve("train-only.precis"),
            CliRun.concat(List.of(BANK), "--set", "prep.split.valid=0"));
    assertEquals(0, noValid.exitCode(), noValid.transcript());
    JsonNode measured = report(dir, "train-only").path("importance");
    assertEquals("train", measured.path("rows").asText());
    assertTrue(measured.path("note").asText().contains("training rows"), measured.toString());
    assertFalse(measured.path("columns").isEmpty());
  }
}
