package dev.precis.model;

import static dev.precis.model.PlattScalingTest.labels;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Specifies isotonic calibration: pool-adjacent-violators, ties, interpolation and clipping. */
class IsotonicCalibrationTest {
  /**
   * Worked by hand: the points are 0.1:0, 0.2:1/2 (two tied rows), 0.3:1, 0.4:0, 0.5:0, 0.6:1. 0.4
   * violates 0.3, pooling to 1/2 over 0.3-0.4, which ties 0.2's 1/2 and pools to 2/4 over 0.2-0.4;
   * 0.5 violates that, pooling to 2/5 over 0.2-0.5. Blocks: [0.1] 0, [0.2, 0.5] 0.4, [0.6] 1.
   * scikit-learn's IsotonicRegression(out_of_bounds="clip") gives the same thresholds and
   * predictions.
   */
  private static final double[] SCORES = {0.1, 0.2, 0.2, 0.3, 0.4, 0.5, 0.6};

  private static final boolean[] LABELS = labels(0, 1, 0, 1, 0, 0, 1);

  @Test
  void poolsAdjacentViolatorsAsWorkedByHand() {
    IsotonicCalibration fitted = IsotonicCalibration.fitRates(SCORES, LABELS);
    assertArrayEquals(new double[] {0.1, 0.2, 0.5, 0.6}, fitted.x(), 0);
    assertArrayEquals(new double[] {0, 0.4, 0.4, 1}, fitted.y(), 1e-15);
  }

  @Test
  void interpolatesBetweenBlocksAndClipsOutside() {
    IsotonicCalibration fitted = IsotonicCalibration.fitRates(SCORES, LABELS);
    assertEquals(0, fitted.apply(0.05), 0);
    assertEquals(0.2, fitted.apply(0.15), 1e-12);
    assertEquals(0.4, fitted.apply(0.3), 1e-12);
    assertEquals(0.7, fitted.apply(0.55), 1e-12);
    assertEquals(1, fitted.apply(0.9), 0);
  }

  @Test
  void tiedScoresArePooledBeforeFitting() {
    // Row order must not matter: the tied rows are one point of weight 2 with rate 1/2.
    IsotonicCalibration fitted =
        IsotonicCalibration.fitRates(new double[] {0.5, 0.2, 0.5}, labels(1, 0, 0));
    assertArrayEquals(new double[] {0.2, 0.5}, fitted.x(), 0);
    assertArrayEquals(new double[] {0, 0.5}, fitted.y(), 0);
  }

  @Test
  void oneScoreGivesItsPositiveRateEverywhere() {
    IsotonicCalibration fitted =
        IsotonicCalibration.fitRates(new double[] {0.3, 0.3, 0.3, 0.3}, labels(1, 0, 0, 0));
    assertEquals(0.25, fitted.apply(0), 0);
    assertEquals(0.25, fitted.apply(1), 0);
  }

  @Test
  void fitsPlattsSmoothedTargetsSoNoScoreBecomesZeroOrOne() {
    // 3 positives, 4 negatives: a positive counts (3 + 1) / (3 + 2), a negative 1 / (4 + 2), and
    // the blocks' rates 0, 0.4, 1 map to those bounds and 0.4 of the way between them.
    double low = 1.0 / 6;
    double high = 4.0 / 5;
    IsotonicCalibration fitted = IsotonicCalibration.fit(SCORES, LABELS);
    assertArrayEquals(new double[] {0.1, 0.2, 0.5, 0.6}, fitted.x(), 0);
    assertArrayEquals(
        new double[] {low, low + 0.4 * (high - low), low + 0.4 * (high - low), high},
        fitted.y(),
        1e-15);
  }

  @Test
  void refusesKnotsOutOfOrder() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new IsotonicCalibration(new double[] {0.5, 0.2}, new double[] {0, 1}));
    assertThrows(
        IllegalArgumentException.class,
        () -> new IsotonicCalibration(new double[] {0.2, 0.5}, new double[] {0.5, 1.5}));
  }
}
