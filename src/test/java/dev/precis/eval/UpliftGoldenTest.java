package dev.precis.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every uplift metric against the peer's (scikit-uplift 0.5.1's formulas, peer_uplift.py) on the
 * peer's own scores of the Hillstrom test rows (golden-uplift/, made by bench/uplift-golden.py): a
 * random order, a two-model logistic regression and a one-model XGBoost (many tied scores) on
 * visit, and the random order and a two-model logistic regression on conversion; and the peer's
 * hand-computed example.
 */
class UpliftGoldenTest {
  private static final double TOLERANCE = 1e-6;

  private static JsonNode golden;

  @BeforeAll
  static void readFixture() throws IOException {
    golden = new ObjectMapper().readTree(GoldenUplift.resource("metrics.json"));
    assertEquals(golden.get("rows").asInt(), GoldenUplift.read().rows());
  }

  /** Each score column with each outcome the fixture holds metrics for. */
  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("random", "visit"),
        Arguments.of("random", "conversion"),
        Arguments.of("t-lr_visit", "visit"),
        Arguments.of("s-xgb_visit", "visit"),
        Arguments.of("t-lr_conversion", "conversion"));
  }

  private static UpliftScores scored(String column, String outcome) {
    return GoldenUplift.read().scored(column, outcome);
  }

  private static JsonNode expected(String column, String outcome) {
    JsonNode node = golden.get("scores").get(column).get(outcome);
    assertNotNull(node, column + " on " + outcome);
    return node;
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("cases")
  void qiniAndUpliftAucAgreeWithThePeer(String column, String outcome) {
    UpliftScores s = scored(column, outcome);
    JsonNode want = expected(column, outcome);
    assertEquals(want.get("qini_auc").asDouble(), s.qiniAuc(), TOLERANCE);
    assertEquals(want.get("uplift_auc").asDouble(), s.upliftAuc(), TOLERANCE);
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("cases")
  void upliftAtKAgreesWithThePeerForBothStrategies(String column, String outcome) {
    UpliftScores s = scored(column, outcome);
    JsonNode want = expected(column, outcome);
    for (int percent : new int[] {30, 10}) {
      UpliftAtK at = s.upliftAt(percent / 100.0);
      String name = "uplift@" + percent;
      assertEquals(want.get(name + "_overall").asDouble(), at.overall(), TOLERANCE, name);
      assertEquals(want.get(name + "_by_group").asDouble(), at.byGroup(), TOLERANCE, name);
    }
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("cases")
  void everyDecileAgreesWithThePeer(String column, String outcome) {
    List<UpliftBin> bins = scored(column, outcome).byBin(10);
    JsonNode want = expected(column, outcome).get("uplift_by_decile");
    assertEquals(want.size(), bins.size());
    for (int i = 0; i < bins.size(); i++) {
      assertEquals(want.get(i).asDouble(), bins.get(i).uplift(), TOLERANCE, "decile " + (i + 1));
    }
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("cases")
  void curvesPassThroughThePeersPoints(String column, String outcome) {
    UpliftScores s = scored(column, outcome);
    JsonNode want = expected(column, outcome);
    assertEquals(want.get("cut_points").asInt() + 1, s.qiniCurve().size());
    assertCurve(want.get("qini_curve"), s.qiniCurve());
    assertCurve(want.get("uplift_curve"), s.upliftCurve());
  }

  /** Each expected (k, value) is a point of the curve, found by its k. */
  private static void assertCurve(JsonNode points, UpliftCurve curve) {
    Map<Double, Double> byRows = new HashMap<>();
    for (int i = 0; i < curve.size(); i++) {
      byRows.put(curve.rows(i), curve.value(i));
    }
    for (JsonNode point : points) {
      double k = point.get(0).asDouble();
      assertNotNull(byRows.get(k), "cut point at k = " + k);
      assertEquals(point.get(1).asDouble(), byRows.get(k), TOLERANCE, "at k = " + k);
    }
  }

  @Test
  void thePeersHandComputedExampleComesOut() {
    JsonNode example = golden.get("self_test_example");
    int n = example.get("score").size();
    double[] score = new double[n];
    boolean[] treated = new boolean[n];
    boolean[] outcome = new boolean[n];
    for (int i = 0; i < n; i++) {
      score[i] = example.get("score").get(i).asDouble();
      treated[i] = example.get("treated").get(i).asInt() == 1;
      outcome[i] = example.get("outcome").get(i).asInt() == 1;
    }
    UpliftScores s = UpliftScores.of(score, treated, outcome);
    // the peer's hand computation: (0 - -3) / (3.5 - -3) and (-4/3 + 6) / (14/3 + 6)
    assertEquals(3 / 6.5, s.qiniAuc(), 1e-12);
    assertEquals(14 / 32.0, s.upliftAuc(), 1e-12);
    assertEquals(example.get("qini_auc").asDouble(), s.qiniAuc(), 1e-12);
    assertEquals(example.get("uplift_auc").asDouble(), s.upliftAuc(), 1e-12);
    assertCurve(example.get("qini_curve"), s.qiniCurve());
    assertCurve(example.get("uplift_curve"), s.upliftCurve());
    assertEquals(7, s.qiniCurve().size());
    UpliftAtK half = s.upliftAt(0.5);
    assertEquals(example.get("uplift@50_overall").asDouble(), half.overall(), 1e-12);
    assertEquals(example.get("uplift@50_by_group").asDouble(), half.byGroup(), 1e-12);
  }

  @Test
  void onVisitTheTwoModelLogisticIsAboveRandomOrderAndOnConversionNothingIs() {
    UpliftMetrics visit = scored("t-lr_visit", "visit").metrics(0.3, 10, 1000, 42);
    assertEquals(UpliftVerdict.ABOVE_RANDOM, visit.verdict(), visit.randomBand().toString());
    for (String column : new String[] {"t-lr_conversion", "random"}) {
      UpliftMetrics conversion = scored(column, "conversion").metrics(0.3, 10, 1000, 42);
      assertEquals(
          UpliftVerdict.NOT_DISTINGUISHABLE_FROM_RANDOM,
          conversion.verdict(),
          column + ": " + conversion.qiniAuc() + " in " + conversion.randomBand());
    }
  }
}
