package dev.precis.model;

/**
 * Turns encoded rows into the probability of a response. Thread-safe: one scorer serves every
 * scoring thread.
 */
public interface Scorer {
  /** Writes the score of rows[0..n) into scores[0..n). */
  void score(double[][] rows, int n, double[] scores);

  /** Scores every row. */
  default double[] score(double[][] rows) {
    double[] scores = new double[rows.length];
    score(rows, rows.length, scores);
    return scores;
  }
}
