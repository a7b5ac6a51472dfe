package dev.precis.cli;

import static dev.precis.cli.OneLineError.assertOneLineError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Specifies eval's CI gates on the bank sample: --fail-under (with lift@K, capture@K), --fail-over,
 * --baseline with --max-drop, and --challenger's paired comparison, with exit 4 on a failure.
 */
class EvalGatesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path shared;
  private static Path logistic;
  private static Path xgboost;

  @TempDir Path tmp;

  @BeforeAll
  static void trainLogisticAndXGBoost() {
    logistic = train("logistic.precis");
    xgboost = train("xgboost.precis", "--model", "xgboost", "--set", "model.params.rounds=40");
  }

  private static Path train(String name, String... options) {
    Path out = shared.resolve(name);
    List<String> args =
        new ArrayList<>(List.of("--set", "data.drop=[duration]", "--quiet", "--seed", "7"));
    args.addAll(List.of(options));
    CliRun run = CliRun.train(BankData.CSV, out, args.toArray(new String[0]));
    assertEquals(0, run.exitCode(), run.transcript());
    return out;
  }

  @Test
  void gatesThatHoldExitZeroAndReportLimitAndDirection() throws IOException {
    CliRun run =
        eval(
            logistic,
            "--json",
            "--fail-under",
            "auc=0.6",
            "--fail-under",
            "lift@10=2",
            "--fail-under",
            "capture@30=0.4",
            "--fail-over",
            "log_loss=0.5");
    assertEquals(0, run.exitCode(), run.transcript());
    JsonNode report = JSON.readTree(run.out());
    assertTrue(report.path("passed").asBoolean());
    JsonNode lift = gate(report, "lift@10");
    assertEquals("at_least", lift.path("direction").asText());
    assertEquals(2.0, lift.path("limit").asDouble());
    // the top 10% is the gains table's first decile
    assertEquals(
        report.at("/metrics/gains/0/cumulative_lift").asDouble(),
        lift.path("value").asDouble(),
        1e-12);
    assertEquals(
        report.at("/metrics/gains/2/cumulative_capture").asDouble(),
        gate(report, "capture@30").path("value").asDouble(),
        1e-12);
    JsonNode loss = gate(report, "log_loss");
    assertEquals("at_most", loss.path("direction").asText());
    assertEquals(report.at("/metrics/log_loss").asDouble(), loss.path("value").asDouble());
  }

  @Test
  void failedGatesExitFourAndAreNamedEvenWhenQuiet() throws IOException {
    CliRun run =
        eval(
            logistic,
            "--quiet",
            "--out",
            tmp.resolve("r.json").toString(),
            "--fail-under",
            "auc=0.5",
            "--fail-under",
            "lift@10=50",
            "--fail-over",
            "log_loss=0.01");
    assertEquals(4, run.exitCode(), run.transcript());
    List<String> lines = run.err().lines().toList();
    assertEquals(2, lines.size(), run.transcript());
    assertTrue(
        lines.get(0).matches("precis: gate failed: lift@10 \\d\\.\\d{4} < 50"), lines.get(0));
    assertTrue(
        lines.get(1).matches("precis: gate failed: log_loss 0\\.\\d{4} > 0\\.01"), lines.get(1));
    JsonNode report = JSON.readTree(tmp.resolve("r.json").toFile());
    assertFalse(report.path("passed").asBoolean());
    assertTrue(gate(report, "auc").path("passed").asBoolean());
    assertFalse(gate(report, "lift@10").path("passed").asBoolean());
  }

  @Test
  void aDropFromTheBaselineBeyondTheAllowanceExitsFour() throws IOException {
    Path before = tmp.resolve("before.json");
    assertEquals(0, eval(logistic, "--quiet", "--out", before.toString()).exitCode());
    double auc = JSON.readTree(before.toFile()).at("/metrics/auc").asDouble();
    // a baseline 0.03 better than this model: a drop of 0.03 today
    ObjectNode better = (ObjectNode) JSON.readTree(before.toFile());
    ((ObjectNode) better.path("metrics")).put("auc", auc + 0.03);
    // as a later version might write it: another schema number, a metric more
    better.put("schema", "precis.eval/2");
    ((ObjectNode) better.path("metrics")).put("auc_low", auc);
    Path baseline = tmp.resolve("baseline.json");
    JSON.writeValue(baseline.toFile(), better);

    CliRun failed =
        eval(logistic, "--quiet", "--baseline", baseline.toString(), "--max-drop", "auc=0.01");
    assertEquals(4, failed.exitCode(), failed.transcript());
    assertTrue(
        failed.err().contains("gate failed: auc " + String.format("%.4f", auc + 0.03)),
        failed.transcript());
    assertTrue(failed.err().contains("worse by 0.0300, more than 0.01"), failed.transcript());

    CliRun passed =
        eval(
            logistic,
            "--json",
            "--baseline",
            baseline.toString(),
            "--max-drop",
            "auc=0.05",
            "--max-drop",
            "log_loss=0");
    assertEquals(0, passed.exitCode(), passed.transcript());
    JsonNode report = JSON.readTree(passed.out());
    assertEquals(-0.03, report.at("/baseline/changes/auc/change").asDouble(), 1e-9);
    JsonNode drop = gate(report, "auc");
    assertEquals("max_drop", drop.path("direction").asText());
    assertEquals(0.03, drop.path("value").asDouble(), 1e-9);
    assertEquals(0.0, gate(report, "log_loss").path("value").asDouble());
  }

  @Test
  void aBaselineThatIsNotAnEvalReportIsAUsageError() throws IOException {
    Path trainReport = tmp.resolve("train.json");
    Files.writeString(trainReport, "{\"schema\": \"precis.train/1\", \"metrics\": {}}");
    assertOneLineError(
        eval(logistic, "--quiet", "--baseline", trainReport.toString()),
        2,
        "--baseline",
        "precis.eval/2",
        "precis.train/1");
    Path csv = BankData.CSV;
    assertOneLineError(eval(logistic, "--quiet", "--baseline", csv.toString()), 2, "--baseline");
  }

  @Test
  void badGateArgumentsAreNamed() {
    assertOneLineError(
        eval(logistic, "--fail-over", "auc=0.9"), 2, "eval.fail_over.auc", "--fail-under");
    assertOneLineError(
        eval(logistic, "--fail-under", "log_loss=0.3"), 2, "eval.gates.log_loss", "--fail-over");
    assertOneLineError(eval(logistic, "--fail-under", "lift@0=2"), 2, "lift@K", "0 < K <= 100");
    assertOneLineError(eval(logistic, "--fail-under", "lift10=2"), 2, "eval.gates.lift10");
    assertOneLineError(eval(logistic, "--max-drop", "auc=0.01"), 2, "--max-drop", "--baseline");
    assertOneLineError(eval(logistic, "--fail-if-worse"), 2, "--fail-if-worse", "--challenger");
  }

  @Test
  void challengerGetsPairedIntervalsAndAVerdict() throws IOException {
    CliRun run =
        eval(logistic, "--json", "--challenger", xgboost.toString(), "--set", "eval.resamples=200");
    assertEquals(0, run.exitCode(), run.transcript());
    JsonNode report = JSON.readTree(run.out());
    JsonNode comparison = report.path("comparison");
    assertEquals(200, comparison.path("resamples").asInt());
    List<String> metrics = new ArrayList<>();
    for (JsonNode d : comparison.path("differences")) {
      String metric = d.path("metric").asText();
      metrics.add(metric);
      assertEquals(metric.equals("auc") ? "delong" : "bootstrap", d.path("method").asText());
      double difference = d.path("difference").asDouble();
      assertEquals(
          d.path("challenger").asDouble() - d.path("champion").asDouble(), difference, 1e-12);
      assertTrue(
          d.path("low").asDouble() <= difference && difference <= d.path("high").asDouble(),
          d.toString());
      String path = metric.equals("top_lift") ? "/metrics/gains/0/lift" : "/metrics/" + metric;
      assertEquals(report.at(path).asDouble(), d.path("champion").asDouble(), 1e-12, metric);
    }
    assertEquals(List.of("auc", "pr_auc", "log_loss", "brier", "top_lift"), metrics);
    // on the rows both were fitted on, boosting ranks them clearly better than the linear model
    JsonNode auc = comparison.path("differences").get(0);
    assertTrue(auc.path("low").asDouble() > 0, auc.toString());
    assertEquals("better", comparison.path("verdict").asText());
    assertEquals(
        report.at("/comparison/challenger_metrics/auc").asDouble(),
        auc.path("challenger").asDouble(),
        1e-12);

    // swapped, the verdict turns around, and --fail-if-worse makes it exit 4
    CliRun swapped =
        eval(
            xgboost,
            "--quiet",
            "--challenger",
            logistic.toString(),
            "--fail-if-worse",
            "--set",
            "eval.resamples=200");
    assertEquals(4, swapped.exitCode(), swapped.transcript());
    assertEquals(1, swapped.err().lines().count(), swapped.transcript());
    assertTrue(
        swapped.err().startsWith("precis: challenger failed: verdict worse"), swapped.transcript());
  }

  @Test
  void challengerSummaryFitsEightyColumnsSaveItsPaths() {
    CliRun run = eval(logistic, "--challenger", xgboost.toString(), "--set", "eval.resamples=100");
    assertEquals(0, run.exitCode(), run.transcript());
    assertTrue(run.err().contains("  verdict better:"), run.err());
    run.err()
        .lines()
        .filter(line -> !line.startsWith("Evaluated ") && !line.startsWith("Challenger "))
        .forEach(line -> assertTrue(line.length() <= 80, line.length() + ": " + line));
  }

  @Test
  void scoreDriftIsSmallOnTheTrainingFileAndLargeOnASkewedSlice() throws IOException {
    JsonNode same = JSON.readTree(eval(logistic, "--json").out()).path("score_drift");
    assertTrue(same.path("psi").asDouble() < 0.1, same.toString());
    double total = 0;
    for (JsonNode share : same.path("actual")) {
      total += share.asDouble();
    }
    assertEquals(1, total, 1e-9);
    // customers whose last campaign succeeded score far above the training rows
    List<String> lines = BankData.lines();
    List<String> skewed = new ArrayList<>(List.of(lines.get(0)));
    lines.stream().skip(1).filter(line -> line.contains("\"success\"")).forEach(skewed::add);
    Path slice = BankData.write(tmp.resolve("success.csv"), skewed);
    CliRun run =
        CliRun.precis("eval", "--model", logistic.toString(), "--data", slice.toString(), "--json");
    assertEquals(0, run.exitCode(), run.transcript());
    JsonNode drift = JSON.readTree(run.out()).path("score_drift");
    assertTrue(drift.path("psi").asDouble() > 0.25, drift.toString());
  }

  private static CliRun eval(Path model, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of("eval", "--model", model.toString(), "--data", BankData.CSV.toString()));
    args.addAll(List.of(extra));
    return CliRun.precis(args);
  }

  private static JsonNode gate(JsonNode report, String metric) {
    for (JsonNode gate : report.path("gates")) {
      if (gate.path("metric").asText().equals(metric)) {
        return gate;
      }
    }
    throw new AssertionError("no gate " + metric + " in " + report.path("gates"));
  }
}
