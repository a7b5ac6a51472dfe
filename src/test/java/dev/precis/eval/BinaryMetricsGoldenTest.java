package dev.precis.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks every metric against scikit-learn's numbers on the Bank Marketing logistic-regression
 * scores.
 */
class BinaryMetricsGoldenTest {

  private static final double TOLERANCE = 1e-9;

  private static JsonNode expected;
  private static BinaryMetrics actual;

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
    double[] scoreArray = new double[scores.size()];
    boolean[] labelArray = new boolean[labels.size()];
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
}
