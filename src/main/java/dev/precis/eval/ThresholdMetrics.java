package dev.precis.eval;

/**
 * Confusion-matrix metrics when rows with {@code score >= threshold} are predicted positive.
 * Precision, recall, F1 and MCC follow scikit-learn with {@code zero_division=0}: a ratio whose
 * denominator is 0 is reported as 0, and MCC is 0 when any row or column of the confusion matrix
 * sums to 0. Plain data: never throws.
 */
public record ThresholdMetrics(
    double threshold,
    double accuracy,
    double precision,
    double recall,
    double f1,
    double mcc,
    long tn,
    long fp,
    long fn,
    long tp) {

  /** Derives every ratio from the four confusion-matrix counts; never throws. */
  static ThresholdMetrics fromCounts(double threshold, long tn, long fp, long fn, long tp) {
    double rows = (double) tn + fp + fn + tp;
    double precision = ratio(tp, tp + fp);
    double recall = ratio(tp, tp + fn);
    double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    return new ThresholdMetrics(
        threshold, (tp + tn) / rows, precision, recall, f1, mcc(tn, fp, fn, tp), tn, fp, fn, tp);
  }

  private static double ratio(long numerator, long denominator) {
    return denominator == 0 ? 0 : (double) numerator / denominator;
  }

  private static double mcc(long tn, long fp, long fn, long tp) {
    // Doubles, not longs: the product of four marginals overflows a long beyond about 2^16 rows
    // each.
    double predictedPositive = (double) tp + fp;
    double actualPositive = (double) tp + fn;
    double actualNegative = (double) tn + fp;
    double predictedNegative = (double) tn + fn;
    double denominator = predictedPositive * actualPositive * actualNegative * predictedNegative;
    if (denominator == 0) {
      return 0;
    }
    return ((double) tp * tn - (double) fp * fn) / Math.sqrt(denominator);
  }
}
