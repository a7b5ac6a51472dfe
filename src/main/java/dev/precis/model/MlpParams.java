package dev.precis.model;

import java.util.List;

/**
 * The mlp family's parameters (declared in MlpFamily.PARAMS).
 *
 * @param hidden sizes of the hidden layers
 * @param activation of the hidden layers, one of Activation.NAMES
 * @param dropout the share of hidden units zeroed at each step, 0 for none
 * @param l2 weight of the squared weights (not the biases) added to the loss
 * @param batchSize rows per gradient step
 * @param learningRate the optimiser's step size
 * @param optimizer one of Optimizers.NAMES
 * @param epochs the most passes over the training rows
 * @param patience epochs without a better validation loss before training stops
 * @param classWeights none, or balanced: each class weighs as much in the loss as the other
 * @param members networks trained from seeds of their own, whose probabilities are averaged
 */
record MlpParams(
    List<Integer> hidden,
    String activation,
    double dropout,
    double l2,
    int batchSize,
    double learningRate,
    String optimizer,
    int epochs,
    int patience,
    String classWeights,
    int members) {
  public MlpParams {
    hidden = List.copyOf(hidden);
  }
}
