package dev.precis.model;

import dev.precis.data.SparseRows;

/**
 * The uplift of a class-transformation model: 2 p(z = 1) - 1, where z = 1 for a treated responder
 * or a control non-responder and the arms weighed equally in the fit. It has no probability per
 * arm.
 */
record TransformedOutcomeScorer(Scorer model) implements UpliftScorer {
  @Override
  public void score(SparseRows rows, int n, double[] scores) {
    model.score(rows, n, scores);
    for (int i = 0; i < n; i++) {
      scores[i] = 2 * scores[i] - 1;
    }
  }

  @Override
  public boolean hasArms() {
    return false;
  }

  @Override
  public void arms(SparseRows rows, int n, double[] treated, double[] control) {
    throw new UnsupportedOperationException(
        "a class-transformation model has no arm probabilities");
  }
}
