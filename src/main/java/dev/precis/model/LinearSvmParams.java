package dev.precis.model;

/**
 * The linear-svm family's parameters (declared in LinearSvmFamily.PARAMS).
 *
 * @param cost the cost of a margin violation (C): larger fits the training rows more closely
 * @param epsilon the solver's stopping tolerance
 * @param maxIterations the most solver iterations
 */
record LinearSvmParams(double cost, double epsilon, int maxIterations) {}
