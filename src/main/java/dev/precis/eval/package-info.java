/**
 * Binary-classification metrics for scored, labelled sets: ROC AUC, average precision, log loss,
 * Brier score, KS, confusion-matrix metrics at a threshold and gains (lift) tables. Every
 * definition matches scikit-learn's. The entry point is {@link
 * dev.precis.eval.BinaryMetricsCalculator#compute}.
 */
package dev.precis.eval;
