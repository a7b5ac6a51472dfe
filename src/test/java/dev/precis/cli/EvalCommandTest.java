package dev.precis.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Specifies `precis eval`: the JSON report and its gains table, quality gates, --out, and
 * unlabelled data.
 */
class EvalCommandTest {
  private static final String DATA = "sample-data/bank/bank-additional.csv";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path shared;
  private static Path model;

  @TempDir Path tmp;

  @BeforeAll
  static void trainLogisticModel() {
    model = shared.resolve("bank.precis");
    CliRun run =
        CliRun.train(
            DATA,
            model.toString(),
            "--positive",
            "yes",
            "--set",
            "data.drop=[duration]",
            "--set",
            "prep.missing.tokens=[unknown]",
            "--quiet");
    assertEquals(0, run.exitCode(), run.transcript());
  }

  @Test
  void jsonReportHasSchemaAndHeadlineMetricsTest() throws IOException {
    JsonNode report = jsonReport(eval("--json"));
    assertEquals("precis.eval/2", report.path("schema").asText());
    for (String metric : List.of("auc", "pr_auc", "log_loss")) {
      assertTrue(
          report.path("metrics").path(metric).isNumber(), metric + " in " + report.path("metrics"));
    }
  }

  @Test
  void gainsAreTenBinsBestFirstCoveringEveryRowTest() throws IOException {
    JsonNode metrics = jsonReport(eval("--json")).path("metrics");
    JsonNode gains = metrics.path("gains");
    assertEquals(10, gains.size(), gains.toString());
    long rows = 0;
    for (int i = 0; i < gains.size(); i++) {
      JsonNode bin = gains.get(i);
      assertEquals(i + 1, bin.path("bin").asInt(), bin.toString());
      if (i > 0) {
        assertTrue(
            bin.path("min_score").asDouble() <= gains.get(i - 1).path("min_score").asDouble(),
            gains.toString());
      }
      rows += bin.path("rows").asLong();
    }
    assertEquals(1.0, gains.get(gains.size() - 1).path("cumulative_capture").asDouble(), 1e-12);
    assertEquals(dataRows(Path.of(DATA)), rows);
    assertEquals(metrics.path("rows").asLong(), rows);
  }

  @Test
  void gateAboveTheModelsAucFailsWithExitFourTest() {
    CliRun run = eval("--fail-under", "auc=0.99");
    assertEquals(4, run.exitCode(), run.transcript());
    assertTrue(run.err().contains("FAILED"), run.transcript());
  }

  @Test
  void gateBelowTheModelsAucPassesWithExitZeroTest() {
    CliRun run = eval("--fail-under", "auc=0.5");
    assertEquals(0, run.exitCode(), run.transcript());
  }

  @Test
  void reportRecordsEachGateAndWhetherItPassedTest() throws IOException {
    CliRun run = eval("--json", "--fail-under", "auc=0.5", "--fail-under", "pr_auc=0.99");
    assertEquals(4, run.exitCode(), run.transcript());
    JsonNode report = jsonReport(run);
    JsonNode auc = gate(report, "auc");
    assertTrue(auc.path("passed").asBoolean(), auc.toString());
    assertEquals(report.at("/metrics/auc").asDouble(), auc.path("value").asDouble());
    JsonNode prAuc = gate(report, "pr_auc");
    assertFalse(prAuc.path("passed").asBoolean(), prAuc.toString());
    assertEquals(report.at("/metrics/pr_auc").asDouble(), prAuc.path("value").asDouble());
    assertFalse(report.path("passed").asBoolean(), report.path("gates").toString());
  }

  @Test
  void unknownGateMetricExitsTwoSuggestingAucTest() {
    CliRun run = eval("--fail-under", "aucc=0.5");
    assertEquals(2, run.exitCode(), run.transcript());
    assertTrue(run.err().contains("eval.gates.aucc"), run.transcript());
    assertTrue(run.err().contains("'auc'"), run.transcript());
  }

  @Test
  void outWritesTheReportFileTest() throws IOException {
    Path report = tmp.resolve("R.json");
    CliRun run = eval("--out", report.toString());
    assertEquals(0, run.exitCode(), run.transcript());
    assertEquals("precis.eval/2", JSON.readTree(report.toFile()).path("schema").asText());
  }

  @Test
  void outRefusesToReplaceAReportWithoutForceTest() throws IOException {
    Path report = tmp.resolve("R.json");
    assertEquals(0, eval("--out", report.toString()).exitCode());
    byte[] first = Files.readAllBytes(report);
    CliRun again = eval("--out", report.toString(), "--fail-under", "auc=0.5");
    assertEquals(2, again.exitCode(), again.transcript());
    assertTrue(again.err().contains("--force"), again.transcript());
    assertArrayEquals(first, Files.readAllBytes(report));
  }

  @Test
  void outWithForceReplacesTheReportTest() throws IOException {
    Path report = tmp.resolve("R.json");
    assertEquals(0, eval("--out", report.toString()).exitCode());
    assertEquals(0, JSON.readTree(report.toFile()).path("gates").size());
    CliRun again = eval("--out", report.toString(), "--fail-under", "auc=0.5", "--force");
    assertEquals(0, again.exitCode(), again.transcript());
    assertEquals("auc", JSON.readTree(report.toFile()).at("/gates/0/metric").asText());
  }

  @Test
  void fileWithoutTheTargetColumnExitsThreeNamingItTest() throws IOException {
    Path unlabelled = tmp.resolve("unlabelled.csv");
    List<String> lines = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(DATA))) {
      lines.add(line.substring(0, line.lastIndexOf(';')));
    }
    Files.write(unlabelled, lines);
    CliRun run =
        CliRun.precis("eval", "--model", model.toString(), "--data", unlabelled.toString());
    assertEquals(3, run.exitCode(), run.transcript());
    assertTrue(run.err().contains("'y'"), run.transcript());
  }

  /** Runs `precis eval` of the shared model on the 10% bank sample, with these extra arguments. */
  private static CliRun eval(String... extra) {
    List<String> args =
        new ArrayList<>(List.of("eval", "--model", model.toString(), "--data", DATA));
    args.addAll(List.of(extra));
    return CliRun.precis(args);
  }

  private static JsonNode jsonReport(CliRun run) throws IOException {
    assertTrue(run.out().startsWith("{"), run.transcript());
    return JSON.readTree(run.out());
  }

  private static JsonNode gate(JsonNode report, String metric) {
    for (JsonNode gate : report.path("gates")) {
      if (gate.path("metric").asText().equals(metric)) {
        return gate;
      }
    }
    throw new AssertionError("no gate " + metric + " in " + report.path("gates"));
  }

  /** Data rows of a CSV with a header line. */
  private static long dataRows(Path csv) throws IOException {
    return Files.readAllLines(csv).stream().filter(line -> !line.isBlank()).count() - 1;
  }
}
