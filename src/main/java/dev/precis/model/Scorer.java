package dev.precis.model;

import dev.precis.data.SparseRows;

/**
 * Turns encoded rows into the probability of a response. Thread-safe: one scorer serves every
 * scoring thread.
 */
public interface Scorer {
  /** Writes the score of rows[0..n) into scores[0..n). */
  void score(SparseRows rows, int n, double[] scores);

  /** Scores every row. */
  default double[] score(SparseRows rows) {
    double[] scores = new double[rows.rows()];
    score(rows, rows.rows(), scores);
    return scores;
  }
}
