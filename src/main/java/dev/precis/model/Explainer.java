package dev.precis.model;

import dev.precis.data.FeatureColumns;
import dev.precis.data.SparseRows;

/**
 * Each row's score broken down into what each of the user's columns added to it, exactly: in the
 * model's raw score (a logistic model's log-odds, an SVM's margin, a booster's margin), before any
 * prior-shift correction or calibration, which are monotone and keep the order of the reasons.
 * Thread-safe.
 */
public interface Explainer {
  /** How the contributions are worked out, for the report: "linear" or "treeshap". */
  String method();

  /**
   * The raw score of a row whose contributions are all zero: the intercept of a linear model (an
   * encoded row of zeros), the expected margin over the training rows for TreeSHAP.
   */
  double baseline();

  /**
   * Writes into {@code out[r][c]} what column c added to row r's raw score over {@link #baseline},
   * for rows[0..n); the columns of a row sum to its raw score minus the baseline.
   */
  void contributions(SparseRows rows, int n, FeatureColumns columns, double[][] out);
}
