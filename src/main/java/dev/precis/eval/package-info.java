/**
 * Binary-classification metrics for scored, labelled sets: ROC AUC, average precision, log loss,
 * Brier score, KS, confusion-matrix metrics at a threshold and gains (lift) tables. Every
 * definition matches scikit-learn's. The entry point is {@link
 * dev.precis.eval.BinaryMetricsCalculator#compute}. Uplift metrics of a randomised test (Qini and
 * uplift curves and AUCs, uplift@k, uplift by decile, a random-order band), as scikit-uplift
 * defines them, come from {@link dev.precis.eval.UpliftScores}.
 */
package dev.precis.eval;
