package dev.precis.model;

import dev.precis.data.SparseRows;

/**
 * Uplift as the difference of two probabilities of the outcome: the row scored as treated, and as
 * control (two models, or one model given the arm both ways).
 */
record ArmScorer(Scorer treated, Scorer control) implements UpliftScorer {
  @Override
  public void score(SparseRows rows, int n, double[] scores) {
    double[] pc = new double[n];
    treated.score(rows, n, scores);
    control.score(rows, n, pc);
    for (int i = 0; i < n; i++) {
      scores[i] -= pc[i];
    }
  }

  @Override
  public boolean hasArms() {
    return true;
  }

  @Override
  public void arms(SparseRows rows, int n, double[] pt, double[] pc) {
    treated.score(rows, n, pt);
    control.score(rows, n, pc);
  }
}
