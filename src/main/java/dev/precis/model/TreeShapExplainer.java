package dev.precis.model;

import dev.precis.data.FeatureColumns;
import dev.precis.data.SparseRows;
import java.util.Arrays;
import ml.dmlc.xgboost4j.java.Booster;

/**
 * A booster's exact Shapley values by XGBoost's TreeSHAP (predictContrib), in its margin, folded
 * per column. The last value XGBoost gives per row is the bias, the expected margin over the
 * training rows: the baseline.
 */
final class TreeShapExplainer implements Explainer {
  private final BoosterPool boosters;
  private final int rounds;
  private final double bias;

  TreeShapExplainer(Booster booster, int rounds, int features) {
    this.boosters = new BoosterPool(booster);
    this.rounds = rounds;
    SparseRows empty = new SparseRows(features);
    empty.endRow();
    float[][] contributions = predict(empty, 1);
    this.bias = contributions[0][contributions[0].length - 1];
  }

  @Override
  public String method() {
    return "treeshap";
  }

  @Override
  public double baseline() {
    return bias;
  }

  @Override
  public void contributions(SparseRows rows, int n, FeatureColumns columns, double[][] out) {
    if (n == 0) {
      return;
    }
    float[][] contributions = predict(rows, n);
    int[] columnOf = columns.columnOf();
    for (int r = 0; r < n; r++) {
      double[] row = out[r];
      Arrays.fill(row, 0.0);
      // the last entry is the bias, which belongs to no column
      for (int f = 0; f < columnOf.length; f++) {
        row[columnOf[f]] += contributions[r][f];
      }
    }
  }

  private float[][] predict(SparseRows rows, int n) {
    return boosters.with(
        booster -> XGBoostData.predict(rows, n, matrix -> booster.predictContrib(matrix, rounds)),
        "XGBoost could not explain the rows");
  }
}
