package dev.precis.model;

import dev.precis.data.SparseRows;
import ml.dmlc.xgboost4j.java.Booster;

/**
 * Scores rows with a booster's first trees. One scorer serves every thread, each with a copy of the
 * booster of its own (see {@link BoosterPool}).
 */
final class BoosterScorer implements Scorer {
  private final BoosterPool boosters;
  private final int rounds;

  BoosterScorer(Booster booster, int rounds) {
    this.boosters = new BoosterPool(booster);
    this.rounds = rounds;
  }

  @Override
  public void score(SparseRows rows, int n, double[] scores) {
    if (n == 0) {
      return;
    }
    float[][] predictions =
        boosters.with(
            booster ->
                XGBoostData.predict(rows, n, matrix -> booster.predict(matrix, false, rounds)),
            "XGBoost could not score the rows");
    for (int r = 0; r < n; r++) {
      scores[r] = predictions[r][0];
    }
  }
}
