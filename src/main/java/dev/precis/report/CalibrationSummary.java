package dev.precis.report;

import dev.precis.eval.ProbabilityLosses;

/**
 * The train report's calibration section: the method model.calibration came to, and how the scores
 * of the validation rows it was fitted on read as probabilities before and after.
 *
 * @param setting model.calibration as configured (auto, say)
 * @param method what it came to for this model type and data: none, platt or isotonic
 * @param rows the validation rows the calibrator was fitted on; null for none
 * @param before the model's own scores of those rows; null for none
 * @param after the calibrated scores of those rows; null for none
 */
public record CalibrationSummary(
    String setting, String method, Integer rows, Quality before, Quality after) {

  /**
   * Probability quality of one scoring of the rows.
   *
   * @param logLoss mean log loss
   * @param brier Brier score
   * @param ece expected calibration error over 10 equal-width bins
   */
  public record Quality(double logLoss, double brier, double ece) {
    public static Quality of(double[] scores, boolean[] positive) {
      return new Quality(
          ProbabilityLosses.logLoss(scores, positive),
          ProbabilityLosses.brier(scores, positive),
          ProbabilityLosses.expectedCalibrationError(scores, positive));
    }
  }

  /** No calibration. */
  public static CalibrationSummary none(String setting) {
    return new CalibrationSummary(setting, "none", null, null, null);
  }
}
