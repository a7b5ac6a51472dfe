package dev.precis.eval;

import java.util.Objects;

/**
 * Computes {@link BinaryMetrics} from scores and labels, matching scikit-learn's definitions. Sorts
 * once, in O(n log n) over primitive arrays, so millions of rows are fine.
 */
public final class BinaryMetricsCalculator {

  private BinaryMetricsCalculator() {}

  /**
   * Computes every metric of one scored, labelled set.
   *
   * @param scores predicted probabilities of the positive class, each finite and within [0, 1]
   * @param positive the true labels, {@code true} for positive rows; same length as {@code scores}
   * @param threshold rows with {@code score >= threshold} count as predicted positive; must not be
   *     NaN
   * @param bins number of quantile bins of the gains table, at least 1
   * @return the metrics; never contains NaN
   * @throws NullPointerException if an array is null
   * @throws IllegalArgumentException if the arrays differ in length or are empty, if a score is not
   *     finite or lies outside [0, 1] (the message names the first such index), if the threshold is
   *     NaN, if {@code bins < 1}, or if the labels lack either class
   */
  public static BinaryMetrics compute(
      double[] scores, boolean[] positive, double threshold, int bins) {
    validate(scores, positive, threshold, bins);
    RankedScores ranked = RankedScores.rank(scores, positive);
    if (ranked.positives() == 0 || ranked.negatives() == 0) {
      throw new IllegalArgumentException(
          "binary metrics needs both classes, but all "
              + scores.length
              + " rows are "
              + (ranked.positives() == 0 ? "negative" : "positive"));
    }
    RankingSummary ranking = RankingSummary.of(ranked);
    return new BinaryMetrics(
        scores.length,
        ranked.positives(),
        ranking.auc(),
        ranking.averagePrecision(),
        ProbabilityLosses.logLoss(scores, positive),
        ProbabilityLosses.brier(scores, positive),
        ProbabilityLosses.expectedCalibrationError(scores, positive),
        ranking.ks(),
        confusionAt(scores, positive, threshold),
        Gains.build(ranked, bins));
  }

  /**
   * The ROC AUC alone, for callers that compare many scorings of the same rows.
   *
   * @throws IllegalArgumentException when the labels lack either class
   */
  public static double auc(double[] scores, boolean[] positive) {
    RankedScores ranked = RankedScores.rank(scores, positive);
    if (ranked.positives() == 0 || ranked.negatives() == 0) {
      throw new IllegalArgumentException("AUC needs both classes");
    }
    return RankingSummary.of(ranked).auc();
  }

  private static void validate(double[] scores, boolean[] positive, double threshold, int bins) {
    Objects.requireNonNull(scores, "scores");
    Objects.requireNonNull(positive, "positive");
    if (scores.length != positive.length) {
      throw new IllegalArgumentException(
          "scores and labels differ in length: "
              + scores.length
              + " scores, "
              + positive.length
              + " labels");
    }
    if (scores.length == 0) {
      throw new IllegalArgumentException("binary metrics needs at least one row");
    }
    if (Double.isNaN(threshold)) {
      throw new IllegalArgumentException("threshold is NaN");
    }
    if (bins < 1) {
      throw new IllegalArgumentException("bins must be at least 1, got " + bins);
    }
    for (int i = 0; i < scores.length; i++) {
      double s = scores[i];
      if (!(s >= 0 && s <= 1)) { // also rejects NaN
        throw new IllegalArgumentException(
            "score at index " + i + " is " + s + "; scores must be finite and within [0, 1]");
      }
    }
  }

  private static ThresholdMetrics confusionAt(
      double[] scores, boolean[] positive, double threshold) {
    long tn = 0;
    long fp = 0;
    long fn = 0;
    long tp = 0;
    for (int i = 0; i < scores.length; i++) {
      boolean predicted = scores[i] >= threshold;
      if (positive[i]) {
        if (predicted) {
          tp++;
        } else {
          fn++;
        }
      } else if (predicted) {
        fp++;
      } else {
        tn++;
      }
    }
    return ThresholdMetrics.fromCounts(threshold, tn, fp, fn, tp);
  }
}
