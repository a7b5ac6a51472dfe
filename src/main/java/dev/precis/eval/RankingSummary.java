package dev.precis.eval;

/**
 * The metrics read off the ROC and precision-recall curves, computed in one pass over the
 * tied-score groups of a {@link RankedScores}, each group being one threshold as in scikit-learn's
 * curves.
 *
 * @param auc area under the ROC curve (trapezoids, so ties count half)
 * @param averagePrecision sum over thresholds of (R_n - R_{n-1}) * P_n
 * @param ks largest tpr - fpr over the ROC points, the origin included
 */
record RankingSummary(double auc, double averagePrecision, double ks) {

  /** Needs at least one positive and one negative in {@code ranked}; returns NaN otherwise. */
  static RankingSummary of(RankedScores ranked) {
    double positives = ranked.positives();
    double negatives = ranked.negatives();
    long tp = 0;
    long fp = 0;
    // Twice the ROC area in count units, kept exact as an integer: each group adds a trapezoid of
    // width groupFp and heights tp and tp + groupTp.
    long doubleArea = 0;
    double averagePrecision = 0;
    double previousRecall = 0;
    double ks = 0;
    for (int start = 0; start < ranked.size(); ) {
      int end = ranked.tieGroupEnd(start);
      long groupTp = 0;
      for (int k = start; k < end; k++) {
        if (ranked.isPositive(k)) {
          groupTp++;
        }
      }
      long groupFp = (end - start) - groupTp;
      doubleArea += groupFp * (2 * tp + groupTp);
      tp += groupTp;
      fp += groupFp;
      double recall = tp / positives;
      averagePrecision += (recall - previousRecall) * ((double) tp / (tp + fp));
      previousRecall = recall;
      ks = Math.max(ks, recall - fp / negatives);
      start = end;
    }
    return new RankingSummary(doubleArea / (2 * positives * negatives), averagePrecision, ks);
  }
}
