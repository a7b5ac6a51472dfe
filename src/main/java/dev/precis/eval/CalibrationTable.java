package dev.precis.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * The calibration table: rows grouped by predicted probability into {@link #BINS} equal-width bins
 * (not quantile bins, so that a bin means the same probabilities for every model and every file,
 * and a model that never scores above 0.3 shows it by empty upper bins). A score s falls in bin
 * min(floor(10 s), 9): a bin edge belongs to the bin above it and 1.0 to the last bin. The expected
 * calibration error is read off this same table, so the two always agree.
 */
public final class CalibrationTable {
  /** Equal-width bins over [0, 1]. */
  public static final int BINS = 10;

  private CalibrationTable() {}

  /**
   * The non-empty bins, lowest scores first.
   *
   * @param scores probabilities within [0, 1]
   * @param positive the labels, same length
   */
  public static List<CalibrationBin> of(double[] scores, boolean[] positive) {
    long[] rows = new long[BINS];
    double[] scoreSum = new double[BINS];
    long[] positives = new long[BINS];
    for (int i = 0; i < scores.length; i++) {
      int bin = Math.min((int) (scores[i] * BINS), BINS - 1);
      rows[bin]++;
      scoreSum[bin] += scores[i];
      positives[bin] += positive[i] ? 1 : 0;
    }
    List<CalibrationBin> table = new ArrayList<>();
    for (int bin = 0; bin < BINS; bin++) {
      if (rows[bin] > 0) {
        table.add(
            new CalibrationBin(
                bin + 1,
                (double) bin / BINS,
                (double) (bin + 1) / BINS,
                rows[bin],
                positives[bin],
                scoreSum[bin] / rows[bin],
                (double) positives[bin] / rows[bin]));
      }
    }
    return table;
  }

  /**
   * Expected calibration error: the row-weighted mean over the bins of |observed rate - mean
   * predicted|; 0 for an empty table.
   */
  public static double expectedCalibrationError(List<CalibrationBin> table) {
    long rows = 0;
    double error = 0;
    for (CalibrationBin bin : table) {
      rows += bin.rows();
      error += bin.rows() * Math.abs(bin.observedRate() - bin.meanPredicted());
    }
    return rows == 0 ? 0 : error / rows;
  }
}
