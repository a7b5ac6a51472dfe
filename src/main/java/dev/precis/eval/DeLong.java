package dev.precis.eval;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The AUC's sampling variance by DeLong, DeLong and Clarke-Pearson (1988), computed in O(n log n)
 * with midranks as Sun and Xu (2014) do, for one model's AUC and for the difference between two
 * models' AUCs on the same rows (paired: their covariance is taken out). Intervals are normal, at
 * 95%, clipped to what an AUC or a difference of AUCs can be.
 */
public final class DeLong {
  private static final double Z95 = 1.959963984540054;

  private DeLong() {}

  /**
   * A 95% interval around an estimate.
   *
   * @param estimate the AUC, or the difference of two
   * @param standardError the square root of DeLong's variance
   * @param low the interval's lower end
   * @param high its upper end
   * @param p the two-sided p-value of the estimate against 0.5 (one AUC) or 0 (a difference)
   */
  public record Interval(
      double estimate, double standardError, double low, double high, double p) {}

  /** One model's AUC with its 95% interval; the p-value tests it against 0.5 (chance). */
  public static Interval auc(double[] scores, boolean[] positive) {
    Components c = components(scores, positive);
    double se = Math.sqrt(c.varianceOf(c.v10, c.v01));
    double auc = mean(c.v10);
    return interval(auc, se, 0.5, 0, 1);
  }

  /**
   * The difference of two models' AUCs on the same rows, {@code first} minus {@code second}, with
   * its paired 95% interval; the p-value tests it against 0.
   */
  public static Interval difference(double[] first, double[] second, boolean[] positive) {
    Components a = components(first, positive);
    Components b = components(second, positive);
    double[] d10 = minus(a.v10, b.v10);
    double[] d01 = minus(a.v01, b.v01);
    double se = Math.sqrt(a.varianceOf(d10, d01));
    return interval(mean(a.v10) - mean(b.v10), se, 0, -1, 1);
  }

  private static Interval interval(double estimate, double se, double nul, double min, double max) {
    double low = Math.max(min, estimate - Z95 * se);
    double high = Math.min(max, estimate + Z95 * se);
    double p = se > 0 ? 2 * normalTail(Math.abs(estimate - nul) / se) : estimate == nul ? 1 : 0;
    return new Interval(estimate, se, low, high, p);
  }

  /**
   * DeLong's structural components: per positive row, the share of negatives it outscores (ties
   * half); per negative row, the share of positives that outscore it.
   */
  private record Components(double[] v10, double[] v01) {
    /** The variance of the mean of {@code x10} plus that of {@code x01}'s complement. */
    double varianceOf(double[] x10, double[] x01) {
      return sampleVariance(x10) / x10.length + sampleVariance(x01) / x01.length;
    }
  }

  private static Components components(double[] scores, boolean[] positive) {
    int m = 0;
    for (boolean p : positive) {
      m += p ? 1 : 0;
    }
    int n = positive.length - m;
    if (m < 2 || n < 2) {
      throw new IllegalArgumentException(
          "DeLong's variance needs two rows of each class (" + m + " and " + n + ")");
    }
    double[] pos = new double[m];
    double[] neg = new double[n];
    for (int i = 0, a = 0, b = 0; i < scores.length; i++) {
      if (positive[i]) {
        pos[a++] = scores[i];
      } else {
        neg[b++] = scores[i];
      }
    }
    double[] all = new double[m + n];
    System.arraycopy(pos, 0, all, 0, m);
    System.arraycopy(neg, 0, all, m, n);
    double[] rankAll = midranks(all);
    double[] rankPos = midranks(pos);
    double[] rankNeg = midranks(neg);
    double[] v10 = new double[m];
    double[] v01 = new double[n];
    for (int i = 0; i < m; i++) {
      v10[i] = (rankAll[i] - rankPos[i]) / n;
    }
    for (int j = 0; j < n; j++) {
      v01[j] = 1 - (rankAll[m + j] - rankNeg[j]) / m;
    }
    return new Components(v10, v01);
  }

  /** Ranks from 1, ties given the mean of the ranks they span. */
  static double[] midranks(double[] values) {
    Integer[] order =
        IntStream.range(0, values.length)
            .boxed()
            .sorted(Comparator.comparingDouble(i -> values[i]))
            .toArray(Integer[]::new);
    double[] ranks = new double[values.length];
    int i = 0;
    while (i < order.length) {
      int j = i;
      while (j + 1 < order.length && values[order[j + 1]] == values[order[i]]) {
        j++;
      }
      double rank = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        ranks[order[k]] = rank;
      }
      i = j + 1;
    }
    return ranks;
  }

  private static double[] minus(double[] a, double[] b) {
    double[] d = new double[a.length];
    Arrays.setAll(d, i -> a[i] - b[i]);
    return d;
  }

  private static double mean(double[] x) {
    return Arrays.stream(x).sum() / x.length;
  }

  private static double sampleVariance(double[] x) {
    double mean = mean(x);
    double sum = 0;
    for (double v : x) {
      sum += (v - mean) * (v - mean);
    }
    return sum / (x.length - 1);
  }

  /**
   * P(Z > z) for a standard normal Z, by erfc (W. J. Cody's rational approximations, as in
   * Numerical Recipes' erfcc: relative error under 1.2e-7).
   */
  static double normalTail(double z) {
    double x = z / Math.sqrt(2);
    double t = 1 / (1 + 0.5 * Math.abs(x));
    double erfc =
        t
            * Math.exp(
                -x * x
                    - 1.26551223
                    + t
                        * (1.00002368
                            + t
                                * (0.37409196
                                    + t
                                        * (0.09678418
                                            + t
                                                * (-0.18628806
                                                    + t
                                                        * (0.27886807
                                                            + t
                                                                * (-1.13520398
                                                                    + t
                                                                        * (1.48851587
                                                                            + t
                                                                                * (-0.82215223
                                                                                    + t
                                                                                        * 0.17087277)))))))));
    return 0.5 * (x >= 0 ? erfc : 2 - erfc);
  }
}
