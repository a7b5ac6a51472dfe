package dev.precis.model;

import java.util.List;

/** The text-lstm family's parameters (declared in TextFamily.LSTM_PARAMS). */
record LstmParams(
    int vocabulary,
    int length,
    int embedding,
    int units,
    List<Integer> hidden,
    int batchSize,
    double learningRate,
    int epochs,
    int patience,
    String classWeights)
    implements TextParams {
  LstmParams {
    hidden = List.copyOf(hidden);
  }
}
