package dev.precis.model;

import dev.precis.data.FeatureColumns;
import dev.precis.data.SparseRows;

/**
 * Each row's score broken down into what each of the user's columns added to it: in the model's raw
 * score (a logistic model's log-odds, an SVM's margin, a booster's margin, another model's
 * log-odds), before any prior-shift correction or calibration, which are monotone and keep the
 * order of the reasons. Exact for linear models and boosters; by occlusion for the others ({@link
 * OcclusionExplainer}). Thread-safe.
 */
public interface Explainer {
  /** How the contributions are worked out, for the report: "linear", "treeshap" or "occlusion". */
  String method();

  /**
   * The raw score of a row whose contributions are all zero: the intercept of a linear model (an
   * encoded row of zeros), the expected margin over the training rows for TreeSHAP, the log-odds of
   * the baseline row for occlusion.
   */
  double baseline();

  /**
   * Writes into {@code out[r][c]} what column c added to row r's raw score over {@link #baseline},
   * for rows[0..n); where exact, the columns of a row sum to its raw score minus the baseline.
   */
  void contributions(SparseRows rows, int n, FeatureColumns columns, double[][] out);
}
