package dev.precis.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks every metric against scikit-learn's numbers on the Bank Marketing logistic-regression
 * scores: every field of the golden file (a test fails when the file gains one no test reads), and
 * gains tables of other bin counts, whose bins are unions of the golden deciles.
 */
class BinaryMetricsGoldenTest {

  private static final double TOLERANCE = 1e-9;

  /** Every field of bank-lr-metrics.json, by its path, that a test below compares. */
  private static final Set<String> CHECKED =
      Set.of(
          "source",
          "rows",
          "positives",
          "auc",
          "pr_auc_average_precision",
          "log_loss",
          "brier",
          "ks",
          "at_threshold_0.5",
          "at_threshold_0.5.accuracy",
          "at_threshold_0.5.precision",
          "at_threshold_0.5.recall",
          "at_threshold_0.5.f1",
          "at_threshold_0.5.mcc",
          "at_threshold_0.5.confusion_matrix_[[tn,fp],[fn,tp]]",
          "deciles",
          "deciles.bin",
          "deciles.rows",
          "deciles.positives",
          "deciles.response_rate",
          "deciles.lift",
          "deciles.cumulative_lift",
          "deciles.cumulative_capture",
          "deciles.min_score",
          "deciles.max_score");

  private static JsonNode expected;
  private static BinaryMetrics actual;
  private static double[] scoreArray;
  private static boolean[] labelArray;

  @BeforeAll
  static void computeGoldenMetrics() throws IOException {
    List<Double> scores = new ArrayList<>();
    List<Boolean> labels = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(resource("bank-lr-scores.csv"), StandardCharsets.UTF_8))) {
      reader.readLine(); // header: label,score
      for (String line; (line = reader.readLine()) != null; ) {
        if (line.isBlank()) {
          continue;
        }
        String[] fields = line.split(",");
        labels.add(fields[0].trim().equals("1"));
        scores.add(Double.parseDouble(fields[1].trim()));
      }
    }
    scoreArray = new double[scores.size()];
    labelArray = new boolean[labels.size()];
    for (int i = 0; i < scoreArray.length; i++) {
      scoreArray[i] = scores.get(i);
      labelArray[i] = labels.get(i);
    }
    try (InputStream json = resource("bank-lr-metrics.json")) {
      expected = new ObjectMapper().readTree(json);
    }
    actual = BinaryMetricsCalculator.compute(scoreArray, labelArray, 0.5, 10);
  }

  private static InputStream resource(String name) {
    InputStream in = BinaryMetricsGoldenTest.class.getResourceAsStream("/golden/" + name);
    if (in == null) {
      throw new IllegalStateException("missing test resource /golden/" + name);
    }
    return in;
  }

  @Test
  void rowAndPositiveCountsMatch() {
    assertEquals(expected.get("rows").asLong(), actual.rows());
    assertEquals(expected.get("positives").asLong(), actual.positives());
  }

  @Test
  void aucMatchesRocAucScore() {
    assertEquals(expected.get("auc").asDouble(), actual.auc(), TOLERANCE);
  }

  @Test
  void prAucMatchesAveragePrecisionScore() {
    assertEquals(expected.get("pr_auc_average_precision").asDouble(), actual.prAuc(), TOLERANCE);
  }

  @Test
  void logLossMatchesLogLoss() {
    assertEquals(expected.get("log_loss").asDouble(), actual.logLoss(), TOLERANCE);
  }

  @Test
  void brierMatchesBrierScoreLoss() {
    assertEquals(expected.get("brier").asDouble(), actual.brier(), TOLERANCE);
  }

  @Test
  void ksMatchesMaxOfTprMinusFpr() {
    assertEquals(expected.get("ks").asDouble(), actual.ks(), TOLERANCE);
  }

  @Test
  void thresholdRatiosMatch() {
    JsonNode at = expected.get("at_threshold_0.5");
    ThresholdMetrics metrics = actual.atThreshold();
    assertEquals(0.5, metrics.threshold());
    assertEquals(at.get("accuracy").asDouble(), metrics.accuracy(), TOLERANCE);
    assertEquals(at.get("precision").asDouble(), metrics.precision(), TOLERANCE);
    assertEquals(at.get("recall").asDouble(), metrics.recall(), TOLERANCE);
    assertEquals(at.get("f1").asDouble(), metrics.f1(), TOLERANCE);
    assertEquals(at.get("mcc").asDouble(), metrics.mcc(), TOLERANCE);
  }

  @Test
  void confusionMatrixMatches() {
    JsonNode matrix = expected.get("at_threshold_0.5").get("confusion_matrix_[[tn,fp],[fn,tp]]");
    ThresholdMetrics metrics = actual.atThreshold();
    assertEquals(matrix.get(0).get(0).asLong(), metrics.tn());
    assertEquals(matrix.get(0).get(1).asLong(), metrics.fp());
    assertEquals(matrix.get(1).get(0).asLong(), metrics.fn());
    assertEquals(matrix.get(1).get(1).asLong(), metrics.tp());
  }

  @Test
  void everyDecileFieldMatches() {
    JsonNode deciles = expected.get("deciles");
    assertEquals(deciles.size(), actual.gains().size());
    for (int i = 0; i < deciles.size(); i++) {
      JsonNode want = deciles.get(i);
      GainsBin got = actual.gains().get(i);
      String bin = "decile " + (i + 1) + " ";
      assertEquals(want.get("bin").asInt(), got.bin(), bin + "bin");
      assertEquals(want.get("rows").asLong(), got.rows(), bin + "rows");
      assertEquals(want.get("positives").asLong(), got.positives(), bin + "positives");
      assertEquals(
          want.get("response_rate").asDouble(),
          got.responseRate(),
          TOLERANCE,
          bin + "response_rate");
      assertEquals(want.get("lift").asDouble(), got.lift(), TOLERANCE, bin + "lift");
      assertEquals(
          want.get("cumulative_lift").asDouble(),
          got.cumulativeLift(),
          TOLERANCE,
          bin + "cumulative_lift");
      assertEquals(
          want.get("cumulative_capture").asDouble(),
          got.cumulativeCapture(),
          TOLERANCE,
          bin + "cumulative_capture");
      assertEquals(want.get("min_score").asDouble(), got.minScore(), TOLERANCE, bin + "min_score");
      assertEquals(want.get("max_score").asDouble(), got.maxScore(), TOLERANCE, bin + "max_score");
    }
  }

  @Test
  void everyGoldenFieldIsCompared() {
    Set<String> fields = new TreeSet<>();
    collectFields("", expected, fields);
    fields.removeAll(CHECKED);
    assertEquals(Set.of(), fields, "golden fields no test compares");
  }

  private static void collectFields(String prefix, JsonNode node, Set<String> into) {
    if (node.isArray()) {
      node.forEach(element -> collectFields(prefix, element, into));
      return;
    }
    node.fieldNames()
        .forEachRemaining(
            name -> {
              String path = prefix.isEmpty() ? name : prefix + "." + name;
              into.add(path);
              collectFields(path, node.get(name), into);
            });
  }

  @Test
  void giniIsTwiceTheGoldenAucLessOne() {
    // What eval reports as gini; the golden AUC is scikit-learn's roc_auc_score.
    assertEquals(2 * expected.get("auc").asDouble() - 1, 2 * actual.auc() - 1, 2 * TOLERANCE);
  }

  @Test
  void aucIntervalIsCentredOnTheGoldenAuc() {
    DeLong.Interval interval = DeLong.auc(scoreArray, labelArray);
    assertEquals(expected.get("auc").asDouble(), interval.estimate(), TOLERANCE);
    assertTrue(interval.low() < interval.estimate() && interval.estimate() < interval.high());
  }

  /**
   * Quintiles and halves: with bin k holding sorted rows floor(k n / bins) onwards, as the golden
   * deciles do, each of these bins is exactly a run of golden deciles, so every field of its row
   * follows from theirs.
   */
  @ParameterizedTest
  @ValueSource(ints = {5, 2, 1})
  void coarserBinsAreUnionsOfTheGoldenDeciles(int bins) {
    JsonNode deciles = expected.get("deciles");
    List<GainsBin> table =
        BinaryMetricsCalculator.compute(scoreArray, labelArray, 0.5, bins).gains();
    int per = deciles.size() / bins;
    assertEquals(bins, table.size());
    double overall = expected.get("positives").asDouble() / expected.get("rows").asDouble();
    for (int b = 0; b < bins; b++) {
      long rows = 0;
      long positives = 0;
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (int d = b * per; d < (b + 1) * per; d++) {
        JsonNode decile = deciles.get(d);
        rows += decile.get("rows").asLong();
        positives += decile.get("positives").asLong();
        min = Math.min(min, decile.get("min_score").asDouble());
        max = Math.max(max, decile.get("max_score").asDouble());
      }
      JsonNode last = deciles.get((b + 1) * per - 1);
      GainsBin got = table.get(b);
      String at = bins + " bins, bin " + (b + 1) + " ";
      assertEquals(b + 1, got.bin(), at + "bin");
      assertEquals(rows, got.rows(), at + "rows");
      assertEquals(positives, got.positives(), at + "positives");
      assertEquals((double) positives / rows, got.responseRate(), TOLERANCE, at + "response_rate");
      assertEquals((double) positives / rows / overall, got.lift(), TOLERANCE, at + "lift");
      assertEquals(
          last.get("cumulative_lift").asDouble(),
          got.cumulativeLift(),
          TOLERANCE,
          at + "cumulative_lift");
      assertEquals(
          last.get("cumulative_capture").asDouble(),
          got.cumulativeCapture(),
          TOLERANCE,
          at + "cumulative_capture");
      assertEquals(min, got.minScore(), TOLERANCE, at + "min_score");
      assertEquals(max, got.maxScore(), TOLERANCE, at + "max_score");
    }
  }
}
