package dev.precis.model;

/**
 * The naive-bayes family's parameters (declared in NaiveBayesFamily.PARAMS).
 *
 * @param alpha additive smoothing of the per-class feature totals
 */
record NaiveBayesParams(double alpha) {}
