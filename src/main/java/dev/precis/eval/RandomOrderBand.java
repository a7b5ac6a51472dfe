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
    int n = ranking.size();
    int[] order = new int[n];
    Arrays.setAll(order, i -> i);
    SplittableRandom random = new SplittableRandom(seed);
    double[] auc = new double[permutations];
    int reached = 0;
    for (int p = 0; p < permutations; p++) {
      for (int i = n - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int swap = order[i];
        order[i] = order[j];
        order[j] = swap;
      }
      auc[p] = qiniAuc(ranking, order, perfectArea);
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

  /** The Qini AUC of the rows in this order, every row a cut point (random order has no ties). */
  private static double qiniAuc(UpliftRanking ranking, int[] order, double perfectArea) {
    double nt = 0;
    double yt = 0;
    double yc = 0;
    double previous = 0;
    double area = 0;
    for (int k = 0; k < order.length; k++) {
      int row = order[k];
      if (ranking.treated(row)) {
        nt++;
        yt += ranking.responded(row) ? 1 : 0;
      } else {
        yc += ranking.responded(row) ? 1 : 0;
      }
      double control = k + 1 - nt;
      double value = yt - yc * (control == 0 ? 0 : nt / control);
      area += (value + previous) / 2.0;
      previous = value;
    }
    double base = order.length * previous / 2.0;
    return (area - base) / (perfectArea - base);
  }

  private static double percentile(double[] sorted, double q) {
    double position = q * (sorted.length - 1);
    int below = (int) Math.floor(position);
    int above = Math.min(below + 1, sorted.length - 1);
    return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
  }
}
