package dev.precis.eval;

/**
 * How well scores read as probabilities match the labels: log loss and Brier score (per-row losses
 * averaged over all rows) and the expected calibration error. Each takes one class as well as two,
 * so a calibrator's effect can be measured on any set of rows.
 */
public final class ProbabilityLosses {
  /**
   * scikit-learn's historical {@code log_loss} eps: keeps log(0) finite for scores of exactly 0 or
   * 1.
   */
  static final double CLIP = 1e-15;

  private ProbabilityLosses() {}

  /**
   * Mean of -ln(p) over positives and -ln(1 - p) over negatives, p clipped to [1e-15, 1 - 1e-15].
   */
  public static double logLoss(double[] scores, boolean[] positive) {
    CompensatedSum sum = new CompensatedSum();
    for (int i = 0; i < scores.length; i++) {
      double p = Math.min(Math.max(scores[i], CLIP), 1 - CLIP);
      sum.add(-Math.log(positive[i] ? p : 1 - p));
    }
    return sum.value() / scores.length;
  }

  /** Mean of (label - p)^2, the label being 1 for positives and 0 for negatives. */
  public static double brier(double[] scores, boolean[] positive) {
    CompensatedSum sum = new CompensatedSum();
    for (int i = 0; i < scores.length; i++) {
      double error = (positive[i] ? 1 : 0) - scores[i];
      sum.add(error * error);
    }
    return sum.value() / scores.length;
  }

  /**
   * Expected calibration error over the {@link CalibrationTable}'s {@value CalibrationTable#BINS}
   * equal-width score bins: the row-weighted mean of |positive rate - mean score| in a bin.
   */
  public static double expectedCalibrationError(double[] scores, boolean[] positive) {
    return CalibrationTable.expectedCalibrationError(CalibrationTable.of(scores, positive));
  }

  /**
   * Neumaier summation, so a million small terms add up to the same mean numpy's pairwise sum
   * gives.
   */
  private static final class CompensatedSum {
    private double sum;
    private double compensation;

    void add(double term) {
      double next = sum + term;
      if (Math.abs(sum) >= Math.abs(term)) {
        compensation += (sum - next) + term;
      } else {
        compensation += (term - next) + sum;
      }
      sum = next;
    }

    double value() {
      return sum + compensation;
    }
  }
}
