package dev.precis.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the gains (lift) table from a {@link RankedScores}: equal-count quantile bins, best scores
 * first.
 */
final class Gains {

  private Gains() {}

  /**
   * Splits the ranked rows into {@code bins} bins, bin i (0-based) holding ranks floor(i*n/bins) to
   * floor((i+1)*n/bins)-1. Bins that get no rows (n < bins) are left out. Needs {@code bins >= 1}
   * and at least one positive.
   */
  static List<GainsBin> build(RankedScores ranked, int bins) {
    long n = ranked.size();
    double overallRate = (double) ranked.positives() / n;
    List<GainsBin> table = new ArrayList<>();
    long cumulativePositives = 0;
    for (int i = 0; i < bins; i++) {
      int from = (int) (i * n / bins);
      int to = (int) ((i + 1) * n / bins);
      if (from == to) {
        continue;
      }
      long positives = 0;
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (int k = from; k < to; k++) {
        if (ranked.isPositive(k)) {
          positives++;
        }
        min = Math.min(min, ranked.score(k));
        max = Math.max(max, ranked.score(k));
      }
      cumulativePositives += positives;
      long rows = to - from;
      double responseRate = (double) positives / rows;
      double cumulativeRate = (double) cumulativePositives / to;
      table.add(
          new GainsBin(
              i + 1,
              rows,
              positives,
              responseRate,
              responseRate / overallRate,
              cumulativeRate / overallRate,
              (double) cumulativePositives / ranked.positives(),
              min,
              max));
    }
    return table;
  }
}
