package dev.precis.eval;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The Qini AUC that random order reaches on the same rows: the rows are put in a seeded random
 * order {@code permutations} times (each order a Fisher-Yates shuffle from one {@link
 * SplittableRandom}, so the band is the same on every run), and the band is the 2.5th to the 97.5th
 * percentile of those Qini AUCs (linear interpolation between order statistics, as numpy's
 * percentile). A model whose Qini AUC lies inside it cannot be told apart from random order.
 *
 * @param permutations random orders drawn
 * @param seed the seed of the random orders
 * @param low 2.5th percentile of the random orders' Qini AUC
 * @param high 97.5th percentile
 * @param pValue one-sided: (1 + random orders whose Qini AUC reached the model's) / (1 +
 *     permutations), the chance that random order does at least as well
 */
public record RandomOrderBand(int permutations, long seed, double low, double high, double pValue) {

  /**
   * @param ranking the rows
   * @param perfectArea the area under the perfect Qini curve of these rows
   * @param observed the model's Qini AUC
   */
  static RandomOrderBand of(
      UpliftRanking ranking, double perfectArea, double observed, int permutations, long seed) {
    if (permutations < 1) {
      throw new IllegalArgumentException("permutations must be at least 1, got " + permutations);
    }
    // each row as treated * 2 + responded, shuffled in place from one order to the next
    byte[] rows = new byte[ranking.size()];
    for (int k = 0; k < rows.length; k++) {
      rows[k] = (byte) ((ranking.treated(k) ? 2 : 0) + (ranking.responded(k) ? 1 : 0));
    }
    SplittableRandom random = new SplittableRandom(seed);
    double[] auc = new double[permutations];
    int reached = 0;
    for (int p = 0; p < permutations; p++) {
      auc[p] = shuffledQiniAuc(rows, random, perfectArea);
      reached += auc[p] >= observed ? 1 : 0;
    }
    Arrays.sort(auc);
    return new RandomOrderBand(
        permutations,
        seed,
        percentile(auc, 0.025),
        percentile(auc, 0.975),
        (1.0 + reached) / (1.0 + permutations));
  }

  /**
   * Shuffles the rows (Fisher-Yates, from the last slot down) and returns the Qini AUC of the order
   * in which the slots are settled: each settled row is the next in a uniformly random order, so
   * one pass both shuffles and reads. Every row is a cut point (random order has no ties).
   */
  private static double shuffledQiniAuc(byte[] rows, SplittableRandom random, double perfectArea) {
    double nt = 0;
    double yt = 0;
    double yc = 0;
    double previous = 0;
    double area = 0;
    for (int i = rows.length - 1, k = 1; i >= 0; i--, k++) {
      int j = random.nextInt(i + 1);
      byte row = rows[j];
      rows[j] = rows[i];
      rows[i] = row;
      if (row >= 2) {
        nt++;
        yt += row & 1;
      } else {
        yc += row & 1;
      }
      double control = k - nt;
      double value = yt - yc * (control == 0 ? 0 : nt / control);
      area += (value + previous) / 2.0;
      previous = value;
    }
    double base = rows.length * previous / 2.0;
    return (area - base) / (perfectArea - base);
  }

  private static double percentile(double[] sorted, double q) {
    double position = q * (sorted.length - 1);
    int below = (int) Math.floor(position);
    int above = Math.min(below + 1, sorted.length - 1);
    return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
  }
}
