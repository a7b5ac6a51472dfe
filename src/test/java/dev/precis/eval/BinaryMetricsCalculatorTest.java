package dev.precis.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Small, hand-checkable cases of {@link BinaryMetricsCalculator}. */
class BinaryMetricsCalculatorTest {

  private static final double EPS = 1e-12;

  private static BinaryMetrics compute(double[] scores, boolean[] positive) {
    return BinaryMetricsCalculator.compute(scores, positive, 0.5, 10);
  }

  @Test
  void allScoresEqualGiveAucOneHalf() {
    BinaryMetrics m =
        compute(new double[] {0.3, 0.3, 0.3, 0.3}, new boolean[] {true, false, false, true});
    assertEquals(0.5, m.auc(), EPS);
  }

  @Test
  void perfectRankingGivesAucOne() {
    BinaryMetrics m =
        compute(new double[] {0.9, 0.8, 0.2, 0.1}, new boolean[] {true, true, false, false});
    assertEquals(1.0, m.auc(), EPS);
    assertEquals(1.0, m.prAuc(), EPS);
    assertEquals(1.0, m.ks(), EPS);
  }

  @Test
  void tiedPositiveAndNegativeCountHalfInAuc() {
    // Pairs (pos, neg): 0.9>0.8, 0.9>0.1, 0.8=0.8 (half), 0.8>0.1 -> 3.5 / 4.
    BinaryMetrics m =
        compute(new double[] {0.9, 0.8, 0.8, 0.1}, new boolean[] {true, false, true, false});
    assertEquals(0.875, m.auc(), EPS);
  }

  @Test
  void tiedScoresFormOneThresholdInAveragePrecision() {
    // Thresholds 0.9 (R=1/2, P=1) and 0.8 (R=1, P=2/3): 1/2 * 1 + 1/2 * 2/3.
    BinaryMetrics m =
        compute(new double[] {0.9, 0.8, 0.8, 0.1}, new boolean[] {true, false, true, false});
    assertEquals(0.5 + 1.0 / 3, m.prAuc(), EPS);
  }

  @Test
  void ksIsLargestTprMinusFprOverTieGroups() {
    // ROC points (0,0), (0,1/2), (1/2,1), (1,1).
    BinaryMetrics m =
        compute(new double[] {0.9, 0.8, 0.8, 0.1}, new boolean[] {true, false, true, false});
    assertEquals(0.5, m.ks(), EPS);
  }

  @Test
  void aucEqualsPairwiseCountOnRandomTiedScores() {
    Random random = new Random(7);
    int n = 400;
    double[] scores = new double[n];
    boolean[] positive = new boolean[n];
    for (int i = 0; i < n; i++) {
      scores[i] = random.nextInt(20) / 19.0;
      positive[i] = random.nextDouble() < scores[i] * 0.8 + 0.1;
    }
    double wins = 0;
    long pairs = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (positive[i] && !positive[j]) {
          pairs++;
          wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
        }
      }
    }
    assertEquals(wins / pairs, compute(scores, positive).auc(), 1e-12);
  }

  @Test
  void logLossAndBrierAreRowMeans() {
    BinaryMetrics m = compute(new double[] {0.8, 0.4}, new boolean[] {true, false});
    assertEquals(-(Math.log(0.8) + Math.log(0.6)) / 2, m.logLoss(), EPS);
    assertEquals((0.04 + 0.16) / 2, m.brier(), EPS);
  }

  @Test
  void logLossClipsCertainWrongScores() {
    BinaryMetrics m = compute(new double[] {0.0, 1.0}, new boolean[] {true, false});
    // As numpy: clip to [1e-15, 1 - 1e-15] in doubles, then take 1 - p for the negative.
    double expected = -(Math.log(1e-15) + Math.log(1 - (1 - 1e-15))) / 2;
    assertEquals(expected, m.logLoss(), 1e-12);
  }

  @Test
  void scoreEqualToThresholdIsPredictedPositive() {
    ThresholdMetrics t =
        compute(new double[] {0.5, 0.2}, new boolean[] {true, false}).atThreshold();
    assertEquals(1, t.tp());
    assertEquals(1, t.tn());
    assertEquals(0, t.fp());
    assertEquals(0, t.fn());
    assertEquals(1.0, t.accuracy(), EPS);
    assertEquals(1.0, t.mcc(), EPS);
  }

  @Test
  void thresholdMetricsMatchHandCount() {
    // Predicted positive: 0.9 (pos), 0.7 (neg), 0.6 (pos); negative: 0.4 (pos), 0.1 (neg), 0.2
    // (neg).
    ThresholdMetrics t =
        compute(
                new double[] {0.9, 0.7, 0.6, 0.4, 0.1, 0.2},
                new boolean[] {true, false, true, true, false, false})
            .atThreshold();
    assertEquals(2, t.tp());
    assertEquals(1, t.fp());
    assertEquals(1, t.fn());
    assertEquals(2, t.tn());
    assertEquals(4.0 / 6, t.accuracy(), EPS);
    assertEquals(2.0 / 3, t.precision(), EPS);
    assertEquals(2.0 / 3, t.recall(), EPS);
    assertEquals(2.0 / 3, t.f1(), EPS);
    assertEquals((2.0 * 2 - 1.0 * 1) / 9, t.mcc(), EPS);
  }

  @Test
  void noPredictedPositivesGiveZeroPrecisionF1AndMcc() {
    ThresholdMetrics t =
        BinaryMetricsCalculator.compute(
                new double[] {0.3, 0.2}, new boolean[] {true, false}, 0.9, 10)
            .atThreshold();
    assertEquals(0.0, t.precision());
    assertEquals(0.0, t.recall());
    assertEquals(0.0, t.f1());
    assertEquals(0.0, t.mcc());
  }

  @Test
  void singleClassInputThrows() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> compute(new double[] {0.2, 0.7}, new boolean[] {false, false}));
    assertTrue(e.getMessage().contains("needs both classes"), e.getMessage());
  }

  @Test
  void scoreOutsideUnitIntervalThrowsNamingIndex() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                compute(
                    new double[] {0.2, 0.7, 1.5, -1}, new boolean[] {true, false, true, false}));
    assertTrue(e.getMessage().contains("index 2"), e.getMessage());
  }

  @Test
  void nanScoreThrowsNamingIndex() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> compute(new double[] {0.2, Double.NaN}, new boolean[] {true, false}));
    assertTrue(e.getMessage().contains("index 1"), e.getMessage());
  }

  @Test
  void arraysOfDifferentLengthThrow() {
    assertThrows(
        IllegalArgumentException.class,
        () -> compute(new double[] {0.2, 0.3}, new boolean[] {true}));
  }

  @Test
  void emptyInputThrows() {
    assertThrows(IllegalArgumentException.class, () -> compute(new double[0], new boolean[0]));
  }

  @Test
  void fewerRowsThanBinsSkipsEmptyBins() {
    BinaryMetrics m = compute(new double[] {0.9, 0.5, 0.1}, new boolean[] {true, false, false});
    List<GainsBin> gains = m.gains();
    // n = 3, bins = 10: only bins 4, 7 and 10 (1-based) receive a row.
    assertEquals(List.of(4, 7, 10), gains.stream().map(GainsBin::bin).toList());
    assertEquals(3.0, gains.get(0).lift(), EPS);
    assertEquals(1.0, gains.get(0).cumulativeCapture(), EPS);
    assertEquals(1.0, gains.get(2).cumulativeLift(), EPS);
    assertTrue(gains.stream().allMatch(g -> g.rows() == 1));
  }

  @Test
  void gainsKeepTiedRowsInInputOrder() {
    BinaryMetrics m =
        BinaryMetricsCalculator.compute(
            new double[] {0.4, 0.4, 0.4, 0.4}, new boolean[] {true, false, false, false}, 0.5, 2);
    assertEquals(1, m.gains().get(0).positives());
    assertEquals(0, m.gains().get(1).positives());
  }

  @Test
  void gainsBinsSortBestScoresFirstWithCumulativeFields() {
    BinaryMetrics m =
        BinaryMetricsCalculator.compute(
            new double[] {0.1, 0.8, 0.3, 0.9}, new boolean[] {false, true, false, false}, 0.5, 2);
    GainsBin first = m.gains().get(0);
    GainsBin second = m.gains().get(1);
    assertEquals(0.8, first.minScore());
    assertEquals(0.9, first.maxScore());
    assertEquals(0.5, first.responseRate(), EPS);
    assertEquals(2.0, first.lift(), EPS);
    assertEquals(1.0, first.cumulativeCapture(), EPS);
    assertEquals(0.0, second.lift(), EPS);
    assertEquals(1.0, second.cumulativeLift(), EPS);
    assertEquals(0.1, second.minScore());
    assertEquals(0.3, second.maxScore());
  }

  @Test
  void millionRowsWithTiesFillEveryBin() {
    Random random = new Random(11);
    int n = 1_000_000;
    double[] scores = new double[n];
    boolean[] positive = new boolean[n];
    for (int i = 0; i < n; i++) {
      scores[i] = Math.round(random.nextDouble() * 1e4) / 1e4;
      positive[i] = random.nextDouble() < scores[i];
    }
    BinaryMetrics m = compute(scores, positive);
    assertEquals(n, m.gains().stream().mapToLong(GainsBin::rows).sum());
    assertTrue(m.auc() > 0.5);
  }
}
