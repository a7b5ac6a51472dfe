package dev.precis.model;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Isotonic calibration: the non-decreasing step function of the score closest to the labels in
 * squared error, found by pool-adjacent-violators, as scikit-learn's {@code IsotonicRegression(
 * out_of_bounds="clip")} fits it. Rows of equal score are pooled first (one point weighing as many
 * rows), so ties never split. Each pooled block keeps its lowest and highest score as knots; a
 * score between knots is interpolated linearly, one below the first or above the last takes the end
 * value, so the map stays continuous and within [0, 1].
 *
 * <p>The labels it fits are Platt's smoothed targets, (N+ + 1) / (N+ + 2) for a positive and 1 /
 * (N- + 2) for a negative, not 1 and 0. The blocks are the same (the targets are an increasing
 * affine map of the labels), but a block of negatives no longer says "probability 0", which made
 * one positive scored there cost 34.5 in log loss: with exact 0 and 1, isotonic lost to no
 * calibration at all on held-out rows (README, "Calibration").
 *
 * @param x the knots' scores, ascending
 * @param y the calibrated value at each knot, non-decreasing, within [0, 1]
 */
public record IsotonicCalibration(double[] x, double[] y) implements ScoreCalibrator {
  /**
   * @throws IllegalArgumentException when the knots are not ascending with values non-decreasing
   *     within [0, 1]: a calibrator.json that was not written by {@link #fit}
   */
  public IsotonicCalibration {
    if (x.length == 0 || x.length != y.length) {
      throw new IllegalArgumentException(x.length + " knots for " + y.length + " values");
    }
    for (int k = 0; k < x.length; k++) {
      boolean ordered = k == 0 || (x[k] > x[k - 1] && y[k] >= y[k - 1]);
      if (!ordered || !Double.isFinite(x[k]) || !(y[k] >= 0 && y[k] <= 1)) {
        throw new IllegalArgumentException("knot " + k + " is out of order or range");
      }
    }
    x = x.clone();
    y = y.clone();
  }

  @Override
  public double apply(double score) {
    if (score <= x[0]) {
      return y[0];
    }
    int last = x.length - 1;
    if (score >= x[last]) {
      return y[last];
    }
    int found = Arrays.binarySearch(x, score);
    if (found >= 0) {
      return y[found];
    }
    int right = -found - 1;
    int left = right - 1;
    double share = (score - x[left]) / (x[right] - x[left]);
    return Math.min(1, Math.max(0, y[left] + share * (y[right] - y[left])));
  }

  /** Fits the step function to the smoothed labels of the rows' scores. */
  static IsotonicCalibration fit(double[] scores, boolean[] positive) {
    long positives = 0;
    for (boolean y : positive) {
      positives += y ? 1 : 0;
    }
    double low = 1.0 / (positive.length - positives + 2.0);
    double high = (positives + 1.0) / (positives + 2.0);
    IsotonicCalibration rates = fitRates(scores, positive);
    double[] smoothed = rates.y.clone();
    for (int k = 0; k < smoothed.length; k++) {
      smoothed[k] = low + (high - low) * smoothed[k];
    }
    return new IsotonicCalibration(rates.x, smoothed);
  }

  /** Fits the step function to the labels themselves, 1 for a positive and 0 for a negative. */
  static IsotonicCalibration fitRates(double[] scores, boolean[] positive) {
    Integer[] order =
        IntStream.range(0, scores.length)
            .boxed()
            .sorted(Comparator.comparingDouble(i -> scores[i]))
            .toArray(Integer[]::new);
    // Blocks on a stack: lowest and highest score, rows, positives. A new point of a higher score
    // starts a block, which pools with the blocks below it while their rate is not below its own.
    double[] low = new double[scores.length];
    double[] high = new double[scores.length];
    double[] weight = new double[scores.length];
    double[] sum = new double[scores.length];
    int blocks = 0;
    for (int k = 0; k < order.length; ) {
      double score = scores[order[k]];
      int rows = 0;
      int positives = 0;
      for (; k < order.length && scores[order[k]] == score; k++) {
        rows++;
        positives += positive[order[k]] ? 1 : 0;
      }
      low[blocks] = score;
      high[blocks] = score;
      weight[blocks] = rows;
      sum[blocks] = positives;
      blocks++;
      while (blocks > 1
          && sum[blocks - 2] * weight[blocks - 1] >= sum[blocks - 1] * weight[blocks - 2]) {
        high[blocks - 2] = high[blocks - 1];
        weight[blocks - 2] += weight[blocks - 1];
        sum[blocks - 2] += sum[blocks - 1];
        blocks--;
      }
    }
    double[] knotX = new double[2 * blocks];
    double[] knotY = new double[2 * blocks];
    int knots = 0;
    for (int b = 0; b < blocks; b++) {
      double value = sum[b] / weight[b];
      knotX[knots] = low[b];
      knotY[knots++] = value;
      if (high[b] > low[b]) {
        knotX[knots] = high[b];
        knotY[knots++] = value;
      }
    }
    return new IsotonicCalibration(Arrays.copyOf(knotX, knots), Arrays.copyOf(knotY, knots));
  }
}
