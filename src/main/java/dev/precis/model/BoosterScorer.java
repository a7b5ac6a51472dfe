package dev.precis.model;

import dev.precis.PrecisException;
import dev.precis.data.SparseRows;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Scores rows with a booster's first trees. XGBoost's prediction is thread-safe since 1.4, so one
 * scorer serves every thread.
 */
final class BoosterScorer implements Scorer {
  private final Booster booster;
  private final int rounds;

  BoosterScorer(Booster booster, int rounds) {
    this.booster = booster;
    this.rounds = rounds;
  }

  @Override
  public void score(SparseRows rows, int n, double[] scores) {
    if (n == 0) {
      return;
    }
    DMatrix matrix = null;
    try {
      matrix = XGBoostData.matrix(rows, n);
      float[][] predictions = booster.predict(matrix, false, rounds);
      for (int r = 0; r < n; r++) {
        scores[r] = predictions[r][0];
      }
    } catch (XGBoostError e) {
      throw new PrecisException(1, "XGBoost could not score the rows", e);
    } finally {
      if (matrix != null) {
        matrix.dispose();
      }
    }
  }
}
