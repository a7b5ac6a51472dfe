package dev.precis.model;

import java.util.List;

/**
 * The mlp family's parameters (declared in MlpFamily.PARAMS).
 *
 * @param hidden sizes of the hidden layers
 * @param epochs passes over the training rows
 * @param batchSize rows per gradient step
 * @param learningRate the optimiser's step size
 * @param optimizer one of Optimizers.NAMES
 */
record MlpParams(
    List<Integer> hidden, int epochs, int batchSize, double learningRate, String optimizer) {
  public MlpParams {
    hidden = List.copyOf(hidden);
  }
}
