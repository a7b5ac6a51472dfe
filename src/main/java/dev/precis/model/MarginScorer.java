package dev.precis.model;

import dev.precis.data.SparseRows;

/**
 * Scores a model that gives margins (a linear SVM's signed distance from its boundary) as the
 * logistic function of the margin: a number in [0, 1] in the margin's order, 0.5 on the boundary.
 * It is not a calibrated probability; its logit is the margin itself, which is what Platt scaling
 * fits.
 */
final class MarginScorer implements Scorer {
  private final Scorer margins;

  MarginScorer(Scorer margins) {
    this.margins = margins;
  }

  @Override
  public void score(SparseRows rows, int n, double[] scores) {
    margins.score(rows, n, scores);
    for (int r = 0; r < n; r++) {
      scores[r] = 1.0 / (1.0 + Math.exp(-scores[r]));
    }
  }
}
