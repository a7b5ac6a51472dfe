package dev.precis.model;

/**
 * The fm family's parameters (declared in FmFamily.PARAMS).
 *
 * @param factors size of each feature's factor vector, which models its pairwise interactions
 * @param epochs passes over the training rows
 * @param learningRate the optimiser's step size
 * @param optimizer adagrad or adam
 * @param variance variance of the random initial factors
 */
record FmParams(int factors, int epochs, double learningRate, String optimizer, double variance) {}
