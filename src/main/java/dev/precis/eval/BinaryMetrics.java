package dev.precis.eval;

import java.util.List;

/**
 * All metrics of one scored, labelled set, as computed by {@link BinaryMetricsCalculator#compute}.
 *
 * @param rows number of rows scored
 * @param positives number of positive rows
 * @param auc ROC AUC (scikit-learn {@code roc_auc_score}; tied scores count half)
 * @param prAuc average precision (scikit-learn {@code average_precision_score})
 * @param logLoss mean natural-log loss, probabilities clipped to [1e-15, 1 - 1e-15]
 * @param brier mean squared error of the probabilities (scikit-learn {@code brier_score_loss})
 * @param ece expected calibration error over 10 equal-width score bins (see {@link
 *     ProbabilityLosses#expectedCalibrationError})
 * @param ks Kolmogorov-Smirnov statistic: the largest tpr - fpr over the ROC curve
 * @param atThreshold confusion-matrix metrics at the requested threshold
 * @param gains quantile bins of the rows sorted by score, best first; empty bins left out
 */
public record BinaryMetrics(
    long rows,
    long positives,
    double auc,
    double prAuc,
    double logLoss,
    double brier,
    double ece,
    double ks,
    ThresholdMetrics atThreshold,
    List<GainsBin> gains) {

  /** Copies {@code gains} into an unmodifiable list; throws NullPointerException if it is null. */
  public BinaryMetrics {
    gains = List.copyOf(gains);
  }
}
