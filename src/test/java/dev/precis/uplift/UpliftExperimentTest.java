package dev.precis.uplift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.precis.cli.CliRun;
import dev.precis.data.Splits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Specifies what prep reports of an experiment: the arms' rows and outcome rates, the rows of other
 * arms skipped and counted, and the randomisation check; and that splits keep each arm's outcome
 * rate.
 */
class UpliftExperimentTest {
  @TempDir static Path dir;
  static Path data;
  static int others;
  static JsonNode experiment;
  static List<String[]> rows;

  @BeforeAll
  static void prep() throws IOException {
    data = dir.resolve("experiment.csv");
    others = UpliftFixture.write(data, 11);
    Path config = UpliftFixture.config(dir, data);
    CliRun run =
        CliRun.precis(
            "prep",
            "--config",
            config.toString(),
            "--set",
            "data.drop=[]",
            "--out",
            dir.resolve("prepared").toString());
    assertEquals(0, run.exitCode(), run.transcript());
    experiment =
        new ObjectMapper()
            .readTree(dir.resolve("prepared/prep-report.json").toFile())
            .get("experiment");
    rows = Files.readAllLines(data).stream().skip(1).map(l -> l.split(",")).toList();
  }

  private static long count(String arm, boolean visited) {
    return rows.stream().filter(r -> r[5].equals(arm) && (!visited || r[6].equals("1"))).count();
  }

  @Test
  void armsAreCountedAndTheThirdArmIsSkipped() {
    assertEquals(count("mail", false), experiment.at("/treated/rows").asLong());
    assertEquals(count("none", false), experiment.at("/control/rows").asLong());
    assertEquals(count("mail", true), experiment.at("/treated/responders").asLong());
    assertEquals(others, experiment.at("/skipped/sms").asLong());
    assertEquals(
        UpliftFixture.ROWS,
        experiment.at("/treated/rows").asLong()
            + experiment.at("/control/rows").asLong()
            + experiment.at("/skipped/sms").asLong());
  }

  @Test
  void rawUpliftIsTheDifferenceOfTheArmsRatesInsideItsInterval() {
    double expected =
        count("mail", true) / (double) count("mail", false)
            - count("none", true) / (double) count("none", false);
    assertEquals(expected, experiment.get("uplift").asDouble(), 1e-12);
    assertTrue(experiment.get("uplift_low").asDouble() < expected);
    assertTrue(experiment.get("uplift_high").asDouble() > expected);
  }

  @Test
  void standardisedMeanDifferenceFlagsTheTiltedColumnOnly() {
    double smd = smd(4);
    JsonNode tilted = balance("tilted");
    assertEquals(smd, tilted.get("smd").asDouble(), 1e-9);
    assertTrue(smd > 0.3, "the fixture tilts the column by half a deviation: " + smd);
    assertTrue(Math.abs(balance("age").get("smd").asDouble()) < 0.1);
    String warnings = experiment.get("warnings").toString();
    assertTrue(warnings.contains("column 'tilted'"), warnings);
    assertTrue(!warnings.contains("'age'"), warnings);
  }

  @Test
  void theTreatmentColumnIsNeverAFeature() throws IOException {
    String pipeline = Files.readString(dir.resolve("prepared/pipeline.json"));
    assertTrue(!pipeline.contains("\"arm"), "arm is a feature: " + pipeline);
  }

  @Test
  void splitsKeepEveryArmAndOutcomeCellInProportion() {
    Random random = new Random(3);
    boolean[] labels = new boolean[2000];
    boolean[] treated = new boolean[2000];
    for (int i = 0; i < labels.length; i++) {
      treated[i] = random.nextDouble() < 0.2;
      labels[i] = random.nextDouble() < (treated[i] ? 0.5 : 0.1);
    }
    Splits splits = Splits.holdout(labels, treated, 0.25, 0.0, true, 42);
    for (int cell = 0; cell < 4; cell++) {
      long all = 0;
      long valid = 0;
      for (int i = 0; i < labels.length; i++) {
        all += cell(labels, treated, i) == cell ? 1 : 0;
      }
      for (int i : splits.valid()) {
        valid += cell(labels, treated, i) == cell ? 1 : 0;
      }
      assertEquals(Math.round(all * 0.25), valid, "cell " + cell);
    }
  }

  private static int cell(boolean[] labels, boolean[] treated, int i) {
    return (labels[i] ? 1 : 0) + (treated[i] ? 2 : 0);
  }

  private static JsonNode balance(String column) {
    for (JsonNode b : experiment.get("balance")) {
      if (b.get("column").asText().equals(column)) {
        return b;
      }
    }
    throw new AssertionError("no balance for " + column + ": " + experiment);
  }

  /** The SMD of a column, from the file: population variances, pooled as their mean. */
  private static double smd(int column) {
    double[] t = stats("mail", column);
    double[] c = stats("none", column);
    return (t[0] - c[0]) / Math.sqrt((t[1] + c[1]) / 2);
  }

  private static double[] stats(String arm, int column) {
    double[] values =
        rows.stream()
            .filter(r -> r[5].equals(arm))
            .mapToDouble(r -> Double.parseDouble(r[column]))
            .toArray();
    double mean = java.util.Arrays.stream(values).average().orElseThrow();
    double var =
        java.util.Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum() / values.length;
    return new double[] {mean, var};
  }
}
