package dev.precis.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Specifies metrics per segment on the golden bank scores. */
class SegmentsTest {

  @Test
  void oneSegmentOfEveryRowHasTheOverallMetrics() throws IOException {
    double[][] golden = CalibrationTableTest.goldenScores();
    boolean[] positive = labels(golden[1]);
    String[] values = new String[positive.length];
    Arrays.fill(values, "all");
    SegmentMetrics only = Segments.of("c", values, golden[0], positive, 0.5, 10).segments().get(0);
    BinaryMetrics overall = BinaryMetricsCalculator.compute(golden[0], positive, 0.5, 10);
    DeLong.Interval interval = DeLong.auc(golden[0], positive);
    assertEquals(overall.rows(), only.rows());
    assertEquals(overall.auc(), only.auc(), 1e-15);
    assertEquals(interval.low(), only.aucLow(), 1e-15);
    assertEquals(interval.high(), only.aucHigh(), 1e-15);
    assertEquals(2 * overall.auc() - 1, only.gini(), 1e-15);
    assertEquals(overall.prAuc(), only.prAuc(), 1e-15);
    assertEquals(overall.ks(), only.ks(), 1e-15);
    assertEquals(overall.gains().get(0).lift(), only.topLift(), 1e-15);
    assertEquals(overall.logLoss(), only.logLoss(), 1e-15);
    assertEquals(overall.brier(), only.brier(), 1e-15);
    assertEquals(overall.ece(), only.ece(), 1e-15);
    assertEquals(List.of(), only.undefined());
  }

  /**
   * Rows split by parity of their index, with every tenth row's value missing and the last three
   * rows a one-class segment: each segment is measured on its own rows alone, the largest first,
   * and the one-class one says which metrics it lacks.
   */
  @Test
  void segmentsAreMeasuredOnTheirOwnRows() throws IOException {
    double[][] golden = CalibrationTableTest.goldenScores();
    double[] scores = golden[0];
    boolean[] positive = labels(golden[1]);
    int n = scores.length;
    String[] values = new String[n];
    for (int i = 0; i < n; i++) {
      values[i] = i % 10 == 0 ? null : i % 2 == 0 ? "even" : "odd";
    }
    int[] negatives = {0, 0, 0};
    for (int i = 0, k = 0; i < n && k < 3; i++) {
      if (!positive[i] && values[i] != null) {
        values[i] = "solo";
        negatives[k++] = i;
      }
    }
    List<SegmentMetrics> segments = Segments.of("c", values, scores, positive, 0.5, 10).segments();
    assertEquals(
        Arrays.asList("odd", "even", null, "solo"),
        segments.stream().map(SegmentMetrics::value).toList());
    assertEquals(n, segments.stream().mapToLong(SegmentMetrics::rows).sum());
    for (SegmentMetrics segment : segments.subList(0, 3)) {
      double[] own =
          java.util.stream.IntStream.range(0, n)
              .filter(i -> java.util.Objects.equals(values[i], segment.value()))
              .mapToDouble(i -> scores[i])
              .toArray();
      boolean[] ownLabels = new boolean[own.length];
      for (int i = 0, k = 0; i < n; i++) {
        if (java.util.Objects.equals(values[i], segment.value())) {
          ownLabels[k++] = positive[i];
        }
      }
      assertEquals(BinaryMetricsCalculator.auc(own, ownLabels), segment.auc(), 1e-15);
      assertEquals(ProbabilityLosses.logLoss(own, ownLabels), segment.logLoss(), 1e-15);
    }
    SegmentMetrics solo = segments.get(3);
    assertEquals(3, solo.rows());
    assertEquals(0, solo.positives());
    assertNull(solo.auc());
    assertNull(solo.topLift());
    assertEquals(
        List.of("auc", "auc_low", "auc_high", "gini", "pr_auc", "ks", "top_lift"),
        solo.undefined());
    double[] soloScores = {scores[negatives[0]], scores[negatives[1]], scores[negatives[2]]};
    assertEquals(ProbabilityLosses.brier(soloScores, new boolean[3]), solo.brier(), 1e-15);
  }

  @Test
  void aSegmentWithOneResponderHasAnAucButNoInterval() {
    SegmentMetrics segment =
        Segments.of(
                "c",
                new String[] {"a", "a", "a"},
                new double[] {0.9, 0.2, 0.1},
                new boolean[] {true, false, false},
                0.5,
                2)
            .segments()
            .get(0);
    assertEquals(1.0, segment.auc());
    assertNull(segment.aucLow());
    assertEquals(List.of("auc_low", "auc_high"), segment.undefined());
  }

  private static boolean[] labels(double[] zeroOne) {
    boolean[] out = new boolean[zeroOne.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = zeroOne[i] == 1;
    }
    return out;
  }
}
