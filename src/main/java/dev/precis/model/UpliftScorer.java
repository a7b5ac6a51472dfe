package dev.precis.model;

import dev.precis.data.SparseRows;

/**
 * An uplift model's scorer: its score is each row's uplift, and where the model has one, each arm's
 * probability of the outcome, which predict writes beside it. Thread-safe.
 */
public interface UpliftScorer extends Scorer {
  /**
   * Whether {@link #arms} gives each arm's probability; false for a class-transformation model,
   * which learns their difference only.
   */
  boolean hasArms();

  /**
   * Writes each row's probability of the outcome if treated, and if not, of rows[0..n).
   *
   * @throws UnsupportedOperationException when {@link #hasArms()} is false
   */
  void arms(SparseRows rows, int n, double[] treated, double[] control);
}
