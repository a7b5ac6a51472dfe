package dev.precis.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Specifies the expected calibration error over ten equal-width bins. */
class ExpectedCalibrationErrorTest {
  @Test
  void weighsEachBinsGapByItsRows() {
    // Bin 0: 0.05 vs 0 -> 0.05; bin 1: mean 0.15 vs rate 1/2 -> 0.7 summed over 2 rows; bin 9:
    // 0.95 vs 1 -> 0.05. (0.05 + 0.7 + 0.05) / 4 = 0.2.
    double[] scores = {0.05, 0.15, 0.15, 0.95};
    boolean[] positive = {false, true, false, true};
    assertEquals(0.2, ProbabilityLosses.expectedCalibrationError(scores, positive), 1e-12);
  }

  @Test
  void aBinEdgeBelongsToTheBinAboveAndOneToTheLast() {
    // 0.1 in bin 1 and 0.2 in bin 2: (|0 - 0.1| + |1 - 0.2|) / 2; sharing a bin would give 0.35.
    assertEquals(
        0.45,
        ProbabilityLosses.expectedCalibrationError(
            new double[] {0.1, 0.2}, new boolean[] {false, true}),
        1e-12);
    // 1.0 shares bin 9 with 0.9: |2 - 1.9| / 2.
    assertEquals(
        0.05,
        ProbabilityLosses.expectedCalibrationError(
            new double[] {1.0, 0.9}, new boolean[] {true, true}),
        1e-12);
  }

  @Test
  void perfectlyCalibratedBinsScoreZero() {
    double[] scores = {0.25, 0.25, 0.25, 0.25, 0.75, 0.75, 0.75, 0.75};
    boolean[] positive = {true, false, false, false, true, true, true, false};
    assertEquals(0, ProbabilityLosses.expectedCalibrationError(scores, positive), 1e-15);
  }
}
