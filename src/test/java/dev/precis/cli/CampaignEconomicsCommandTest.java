package dev.precis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * Specifies eval.economics, a chosen eval.threshold and predict --budget on the bank sample: the
 * money in the report agrees with the gains table and the scored file it came from.
 */
class CampaignEconomicsCommandTest {
  private static final String DATA = BankData.CSV.toString();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TERMS =
      "eval.economics={cost: 2, value: 30, fixed: 100, budget: {contacts: 300}}";

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
            "--quiet");
    assertEquals(0, run.exitCode(), run.transcript());
  }

  @Test
  void profitByBinFollowsTheGainsTableTest() throws IOException {
    CliRun run = eval("--set", TERMS);
    JsonNode report = JSON.readTree(run.out());
    JsonNode gains = report.at("/metrics/gains");
    JsonNode byBin = report.at("/economics/by_bin");
    assertEquals(gains.size(), byBin.size(), byBin.toString());
    long depth = 0;
    long responders = 0;
    for (int i = 0; i < gains.size(); i++) {
      depth += gains.get(i).path("rows").asLong();
      responders += gains.get(i).path("positives").asLong();
      JsonNode at = byBin.get(i);
      assertEquals(depth, at.path("depth").asLong(), at.toString());
      assertEquals(responders, at.path("responders").asLong(), at.toString());
      double spend = 2.0 * depth + 100;
      assertEquals(30.0 * responders - spend, at.path("profit").asDouble(), 1e-9);
      assertEquals((30.0 * responders - spend) / spend, at.path("roi").asDouble(), 1e-12);
    }
    JsonNode best = report.at("/economics/best");
    for (JsonNode at : byBin) {
      assertTrue(best.path("profit").asDouble() >= at.path("profit").asDouble(), at.toString());
    }
    JsonNode withinBudget = report.at("/economics/best_within_budget");
    assertEquals(300, report.at("/economics/budget_contacts").asLong());
    assertTrue(withinBudget.path("depth").asLong() <= 300, withinBudget.toString());
    assertTrue(
        withinBudget.path("profit").asDouble() <= best.path("profit").asDouble(),
        withinBudget.toString());
    assertTrue(run.err().contains("most profit: "), run.err());
    assertTrue(run.err().contains("budget 300: "), run.err());
  }

  @Test
  void chosenThresholdSaysHowAndBeatsTheFixedOneTest() throws IOException {
    JsonNode fixed = JSON.readTree(eval().out());
    assertEquals("fixed", fixed.at("/threshold/chosen_by").asText());
    assertEquals(0.5, fixed.at("/threshold/value").asDouble());
    JsonNode f1 = JSON.readTree(eval("--set", "eval.threshold=f1").out());
    assertEquals("f1", f1.at("/threshold/chosen_by").asText());
    assertEquals(
        f1.at("/metrics/at_threshold/threshold").asDouble(), f1.at("/threshold/value").asDouble());
    assertTrue(
        f1.at("/metrics/at_threshold/f1").asDouble()
            > fixed.at("/metrics/at_threshold/f1").asDouble(),
        f1.at("/metrics/at_threshold").toString());
    JsonNode profit = JSON.readTree(eval("--set", TERMS, "--set", "eval.threshold=profit").out());
    // The profit threshold contacts exactly the profit-maximising depth.
    JsonNode at = profit.at("/metrics/at_threshold");
    assertEquals(
        profit.at("/economics/best/depth").asLong(),
        at.path("tp").asLong() + at.path("fp").asLong());
    assertEquals(
        profit.at("/economics/best/min_score").asDouble(), at.path("threshold").asDouble());
  }

  @Test
  void profitThresholdOrBudgetWithoutEconomicsIsAConfigErrorTest() {
    CliRun threshold = eval("--set", "eval.threshold=profit");
    assertEquals(2, threshold.exitCode(), threshold.transcript());
    assertTrue(threshold.err().contains("eval.threshold"), threshold.transcript());
    CliRun budget = predict(tmp.resolve("scores.csv"), "--budget");
    assertEquals(2, budget.exitCode(), budget.transcript());
    assertTrue(budget.err().contains("predict.budget"), budget.transcript());
    CliRun both =
        eval("--set", "eval.economics={cost: 1, value: 5, budget: {contacts: 3, money: 9}}");
    assertEquals(2, both.exitCode(), both.transcript());
    assertTrue(both.err().contains("eval.economics.budget"), both.transcript());
  }

  @Test
  void budgetSelectsTheRowsThatPayWithinTheBudgetTest() throws IOException {
    Path scores = tmp.resolve("scores.csv");
    CliRun run = predict(scores, "--budget", "--set", TERMS, "--json");
    assertEquals(0, run.exitCode(), run.transcript());
    JsonNode report = JSON.readTree(run.out());
    List<Double> selected = new ArrayList<>();
    double lowestPaying = Double.POSITIVE_INFINITY;
    for (String line : Files.readAllLines(scores).subList(1, BankData.ROWS + 1)) {
      String[] fields = line.split(",");
      double score = Double.parseDouble(fields[0]);
      if (fields[2].equals("1")) {
        selected.add(score);
        // Never a row whose expected value (score * 30) is below the cost of 2.
        assertTrue(score * 30 > 2, line);
        lowestPaying = Math.min(lowestPaying, score);
      }
    }
    // The budget of 300 binds on this model: more than 300 rows score above 2/30.
    assertEquals(300, selected.size());
    assertEquals("budget", report.path("selection").asText());
    assertEquals(300, report.path("selected").asLong());
    double expected = selected.stream().mapToDouble(Double::doubleValue).sum();
    assertEquals(expected, report.path("expected_responders").asDouble(), 1e-6);
    assertEquals(30 * expected - 2 * 300 - 100, report.path("expected_profit").asDouble(), 1e-4);
    assertEquals(0, report.path("warnings").size(), report.toString());
  }

  @Test
  void uncalibratedMarginsUnderABudgetAreWarnedAboutTest() throws IOException {
    Path svm = tmp.resolve("svm.precis");
    CliRun train =
        CliRun.train(
            DATA,
            svm.toString(),
            "--positive",
            "yes",
            "--set",
            "model.type=linear-svm",
            "--set",
            "model.calibration=none",
            "--quiet");
    assertEquals(0, train.exitCode(), train.transcript());
    CliRun run =
        CliRun.precis(
            "predict",
            "--model",
            svm.toString(),
            "--data",
            DATA,
            "--out",
            tmp.resolve("svm.csv").toString(),
            "--budget",
            "--set",
            TERMS);
    assertEquals(0, run.exitCode(), run.transcript());
    assertTrue(run.err().contains("warning: the budget selection reads scores as"), run.err());
  }

  private static CliRun eval(String... extra) {
    List<String> args =
        new ArrayList<>(List.of("eval", "--model", model.toString(), "--data", DATA, "--json"));
    args.addAll(List.of(extra));
    return CliRun.precis(args);
  }

  private static CliRun predict(Path out, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "predict", "--model", model.toString(), "--data", DATA, "--out", out.toString()));
    args.addAll(List.of(extra));
    return CliRun.precis(args);
  }
}
