package dev.precis.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Specifies Platt scaling against scikit-learn's fit of the same objective. */
class PlattScalingTest {
  // Computed once with scikit-learn 1.2.1 (/usr/bin/python3):
  //   from sklearn.calibration import _sigmoid_calibration
  //   _sigmoid_calibration(np.array(F), np.array(Y))
  // which minimises the same smoothed-target log loss with BFGS; scipy's BFGS at gtol 1e-13 gives
  // the same a and b to 3e-8.
  private static final double[] F = {-2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2, 2.5};
  private static final boolean[] Y = labels(0, 0, 1, 0, 0, 1, 0, 1, 1, 1);
  private static final double SKLEARN_A = -0.664043098872122;
  private static final double SKLEARN_B = 0.16601077675101922;

  // The same on the logits of scores: _sigmoid_calibration(np.log(S / (1 - S)), YS).
  private static final double[] S = {0.05, 0.1, 0.2, 0.3, 0.4, 0.6, 0.7, 0.8, 0.9};
  private static final boolean[] YS = labels(0, 1, 0, 0, 1, 0, 1, 1, 1);
  private static final double SKLEARN_SCORES_A = -0.4536136081609018;
  private static final double SKLEARN_SCORES_B = -0.37357699751603235;

  @Test
  void fitMatchesScikitLearnOnDecisionValues() {
    PlattScaling platt = PlattScaling.fitLogits(F, Y);
    assertEquals(SKLEARN_A, platt.a(), 1e-6);
    assertEquals(SKLEARN_B, platt.b(), 1e-6);
  }

  @Test
  void fitOnScoresMatchesScikitLearnOnTheirLogits() {
    PlattScaling platt = PlattScaling.fit(S, YS);
    assertEquals(SKLEARN_SCORES_A, platt.a(), 1e-6);
    assertEquals(SKLEARN_SCORES_B, platt.b(), 1e-6);
  }

  @Test
  void appliesTheLogisticOfTheLogit() {
    PlattScaling platt = new PlattScaling(SKLEARN_SCORES_A, SKLEARN_SCORES_B);
    double z = SKLEARN_SCORES_A * Math.log(0.3 / 0.7) + SKLEARN_SCORES_B;
    assertEquals(1 / (1 + Math.exp(z)), platt.apply(0.3), 1e-15);
    assertEquals(0.3, new PlattScaling(-1, 0).apply(0.3), 1e-12);
  }

  @Test
  void scoresOfExactlyZeroAndOneStayFiniteAndOrdered() {
    PlattScaling platt = PlattScaling.fit(S, YS);
    double low = platt.apply(0.0);
    double high = platt.apply(1.0);
    assertTrue(low >= 0 && low < platt.apply(0.5) && platt.apply(0.5) < high && high <= 1);
  }

  @Test
  void separatedClassesKeepFiniteParameters() {
    double[] scores = {0.01, 0.02, 0.03, 0.97, 0.98, 0.99};
    PlattScaling platt = PlattScaling.fit(scores, labels(0, 0, 0, 1, 1, 1));
    assertTrue(Double.isFinite(platt.a()) && Double.isFinite(platt.b()));
    // The smoothed targets keep the calibrated scores inside (1/5, 4/5)'s neighbourhood.
    assertTrue(platt.apply(0.99) < 0.99 && platt.apply(0.01) > 0.01);
  }

  @Test
  void refusesParametersThatAreNotFinite() {
    assertThrows(IllegalArgumentException.class, () -> new PlattScaling(Double.NaN, 0));
  }

  static boolean[] labels(int... values) {
    boolean[] labels = new boolean[values.length];
    for (int i = 0; i < values.length; i++) {
      labels[i] = values[i] == 1;
    }
    return labels;
  }
}
