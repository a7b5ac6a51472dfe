package dev.precis.model;

import java.util.List;

/** The parameters every text network takes (declared in TextFamily), whatever its encoder. */
interface TextParams {
  /** Token indices at or above it read as unknown: the most frequent tokens kept, and 2 more. */
  int vocabulary();

  /** The most tokens of a text read: its last. */
  int length();

  /** The width of a token's vector. */
  int embedding();

  /** The LSTM's width; 0 for an encoder without one. */
  int units();

  /** Sizes of the head's hidden layers; none for a logistic head. */
  List<Integer> hidden();

  int batchSize();

  double learningRate();

  int epochs();

  int patience();

  /** none, or balanced: each class weighs as much in the loss as the other. */
  String classWeights();
}
