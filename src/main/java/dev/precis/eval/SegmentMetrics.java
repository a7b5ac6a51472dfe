package dev.precis.eval;

import java.util.List;

/**
 * The main metrics of the rows sharing one value of a segment column. A segment of one class has no
 * ranking metrics (nothing to rank against): those are null and named in {@code undefined}; the
 * probability losses exist for any rows.
 *
 * @param value the column's value, or null for the rows where it is missing
 * @param rows rows in the segment
 * @param positives positive rows among them
 * @param positiveRate positives / rows
 * @param auc ROC AUC, or null
 * @param aucLow lower end of the AUC's 95% DeLong interval, or null (also when a class has fewer
 *     than two rows)
 * @param aucHigh its upper end, or null
 * @param gini 2 AUC - 1, or null
 * @param prAuc average precision, or null
 * @param ks Kolmogorov-Smirnov statistic, or null
 * @param topLift lift of the segment's own best bin (eval.bins quantile bins), or null
 * @param logLoss mean log loss
 * @param brier Brier score
 * @param ece expected calibration error over the calibration table's bins
 * @param undefined the metrics this segment has no value of, in snake case; empty when none
 */
public record SegmentMetrics(
    String value,
    long rows,
    long positives,
    double positiveRate,
    Double auc,
    Double aucLow,
    Double aucHigh,
    Double gini,
    Double prAuc,
    Double ks,
    Double topLift,
    double logLoss,
    double brier,
    double ece,
    List<String> undefined) {

  private static final List<String> RANKING =
      List.of("auc", "auc_low", "auc_high", "gini", "pr_auc", "ks", "top_lift");

  /**
   * Measures one segment's rows.
   *
   * @param bins quantile bins of the segment's gains table, whose first bin gives the top lift
   */
  static SegmentMetrics of(
      String value, double[] scores, boolean[] positive, double threshold, int bins) {
    long positives = 0;
    for (boolean p : positive) {
      positives += p ? 1 : 0;
    }
    long rows = scores.length;
    double logLoss = ProbabilityLosses.logLoss(scores, positive);
    double brier = ProbabilityLosses.brier(scores, positive);
    double ece = ProbabilityLosses.expectedCalibrationError(scores, positive);
    if (positives == 0 || positives == rows) {
      return new SegmentMetrics(
          value,
          rows,
          positives,
          (double) positives / rows,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          logLoss,
          brier,
          ece,
          RANKING);
    }
    BinaryMetrics m = BinaryMetricsCalculator.compute(scores, positive, threshold, bins);
    boolean interval = positives >= 2 && rows - positives >= 2;
    DeLong.Interval ci = interval ? DeLong.auc(scores, positive) : null;
    return new SegmentMetrics(
        value,
        rows,
        positives,
        (double) positives / rows,
        m.auc(),
        interval ? ci.low() : null,
        interval ? ci.high() : null,
        2 * m.auc() - 1,
        m.prAuc(),
        m.ks(),
        m.gains().get(0).lift(),
        logLoss,
        brier,
        ece,
        interval ? List.of() : List.of("auc_low", "auc_high"));
  }
}
