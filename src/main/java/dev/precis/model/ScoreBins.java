package dev.precis.model;

import java.util.Arrays;
import java.util.List;

/**
 * Score cut points taken from the training rows, so a scored row's bin (decile, for 10) says where
 * it would have ranked among the customers the model learned from. Bin 1 is the best.
 *
 * @param cuts descending; cuts[k] is the lowest training score in bin k+1
 */
public record ScoreBins(List<Double> cuts) {

  /**
   * @param scores the training rows' scores; at least one
   * @throws IllegalArgumentException when there are no scores
   */
  public static ScoreBins fromScores(double[] scores, int bins) {
    if (scores.length == 0) {
      throw new IllegalArgumentException("no scores to cut into bins");
    }
    double[] sorted = scores.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    Double[] cuts = new Double[bins - 1];
    for (int k = 1; k < bins; k++) {
      // the lowest score among the top k/bins of rows (same binning as the gains table); with fewer
      // rows than bins that top part may hold no row, and the cut is then the top score
      int lastInBin = (int) ((long) k * n / bins) - 1;
      cuts[k - 1] = sorted[Math.min(n - 1, n - 1 - lastInBin)];
    }
    return new ScoreBins(List.of(cuts));
  }

  /** The 1-based bin of a score: 1 + how many cuts lie above it. */
  public int bin(double score) {
    int bin = 1;
    for (double cut : cuts) {
      if (score < cut) {
        bin++;
      }
    }
    return bin;
  }
}
