package dev.precis.eval;

import java.util.Arrays;

/**
 * Rows of a randomised test (treated or control, responded or not) in scikit-uplift's order: a
 * stable ascending sort of the scores, reversed, so that the highest score comes first and among
 * equal scores the later input row comes first. Every uplift metric reads the rows in this order,
 * and the curves are cut only at the last row of each run of equal scores (-0.0 equals 0.0).
 */
final class UpliftRanking {
  private final double[] scores;
  private final boolean[] treated;
  private final boolean[] outcome;

  private UpliftRanking(double[] scores, boolean[] treated, boolean[] outcome) {
    this.scores = scores;
    this.treated = treated;
    this.outcome = outcome;
  }

  /** Orders the rows; the inputs are not modified. Needs finite scores and equal lengths. */
  static UpliftRanking rank(double[] score, boolean[] treated, boolean[] outcome) {
    Integer[] ascending = new Integer[score.length];
    Arrays.setAll(ascending, i -> i);
    // adding 0.0 turns -0.0 into 0.0, which numpy's sort treats as equal
    Arrays.sort(ascending, (a, b) -> Double.compare(score[a] + 0.0, score[b] + 0.0));
    int n = score.length;
    double[] s = new double[n];
    boolean[] t = new boolean[n];
    boolean[] y = new boolean[n];
    for (int k = 0; k < n; k++) {
      int row = ascending[n - 1 - k];
      s[k] = score[row] + 0.0;
      t[k] = treated[row];
      y[k] = outcome[row];
    }
    return new UpliftRanking(s, t, y);
  }

  int size() {
    return scores.length;
  }

  boolean treated(int k) {
    return treated[k];
  }

  boolean responded(int k) {
    return outcome[k];
  }

  /** The counts at each cut point, the end of a run of equal scores. */
  Cumulative cumulative() {
    int n = scores.length;
    int cuts = 0;
    for (int k = 0; k < n; k++) {
      if (k == n - 1 || scores[k + 1] != scores[k]) {
        cuts++;
      }
    }
    Cumulative c =
        new Cumulative(new double[cuts], new double[cuts], new double[cuts], new double[cuts]);
    double nt = 0;
    double yt = 0;
    double yc = 0;
    int cut = 0;
    for (int k = 0; k < n; k++) {
      if (treated[k]) {
        nt++;
        yt += outcome[k] ? 1 : 0;
      } else {
        yc += outcome[k] ? 1 : 0;
      }
      if (k == n - 1 || scores[k + 1] != scores[k]) {
        c.rows[cut] = k + 1;
        c.treated[cut] = nt;
        c.treatedResponders[cut] = yt;
        c.controlResponders[cut] = yc;
        cut++;
      }
    }
    return c;
  }

  /**
   * Rows, treated rows and responders of each arm in the top {@code rows[i]} rows, at each cut
   * point; control rows are rows minus treated rows.
   */
  record Cumulative(
      double[] rows, double[] treated, double[] treatedResponders, double[] controlResponders) {}
}
