package dev.precis.model;

import java.util.List;

/** The text-embedding-bag family's parameters (declared in TextFamily.BAG_PARAMS). */
record EmbeddingBagParams(
    int vocabulary,
    int length,
    int embedding,
    List<Integer> hidden,
    int batchSize,
    double learningRate,
    int epochs,
    int patience,
    String classWeights)
    implements TextParams {
  EmbeddingBagParams {
    hidden = List.copyOf(hidden);
  }

  /** A bag has no LSTM. */
  @Override
  public int units() {
    return 0;
  }
}
