package dev.precis.model;

/**
 * The logistic family's parameters (declared in LogisticFamily.PARAMS).
 *
 * @param epochs passes over the training rows
 * @param learningRate AdaGrad's initial step size
 * @param batchSize rows per gradient step
 */
record LogisticParams(int epochs, double learningRate, int batchSize) {}
