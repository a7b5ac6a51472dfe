package dev.precis.eval;

/**
 * Scores and labels in descending score order, ties kept in input order (a stable sort), so that
 * every ranking metric and the gains table come from one sort. Expects validated input: scores
 * finite and non-negative, arrays of equal length.
 */
final class RankedScores {

  private final double[] scores;
  private final boolean[] positive;
  private final long positives;

  private RankedScores(double[] scores, boolean[] positive, long positives) {
    this.scores = scores;
    this.positive = positive;
    this.positives = positives;
  }

  /**
   * Sorts {@code scores} descending, stably, carrying {@code positive} along; the inputs are not
   * modified.
   */
  static RankedScores rank(double[] scores, boolean[] positive) {
    int[] order = DescendingOrder.of(scores);
    double[] sortedScores = new double[order.length];
    boolean[] sortedPositive = new boolean[order.length];
    long positives = 0;
    for (int k = 0; k < order.length; k++) {
      sortedScores[k] = scores[order[k]];
      sortedPositive[k] = positive[order[k]];
      if (sortedPositive[k]) {
        positives++;
      }
    }
    return new RankedScores(sortedScores, sortedPositive, positives);
  }

  int size() {
    return scores.length;
  }

  long positives() {
    return positives;
  }

  long negatives() {
    return scores.length - positives;
  }

  /** Score at rank {@code k} (0 = highest). */
  double score(int k) {
    return scores[k];
  }

  /** Label at rank {@code k} (0 = highest score). */
  boolean isPositive(int k) {
    return positive[k];
  }

  /** Exclusive end of the run of scores tied with the one at rank {@code start}. */
  int tieGroupEnd(int start) {
    int end = start + 1;
    while (end < scores.length && scores[end] == scores[start]) {
      end++;
    }
    return end;
  }
}
