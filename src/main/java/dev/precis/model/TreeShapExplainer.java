package dev.precis.model;

import dev.precis.data.FeatureColumns;
import dev.precis.data.SparseRows;
import java.util.Arrays;
import java.util.Optional;
import ml.dmlc.xgboost4j.java.Booster;

/**
 * A booster's exact Shapley values by TreeSHAP, in its margin, folded per column: from tables made
 * once per model ({@link TreeShapTables}), or for a booster too deep for them by XGBoost's own
 * TreeSHAP (predictContrib). The baseline is the bias XGBoost gives with them, the expected margin
 * over the training rows.
 */
final class TreeShapExplainer implements Explainer {
  private final BoosterPool boosters;
  private final int rounds;
  private final double bias;
  private final Optional<TreeShapTables> tables;

  TreeShapExplainer(Booster booster, int rounds, int features) {
    this.boosters = new BoosterPool(booster);
    this.rounds = rounds;
    SparseRows empty = new SparseRows(features);
    empty.endRow();
    float[][] contributions = predict(empty, 1);
    this.bias = contributions[0][contributions[0].length - 1];
    this.tables = TreeShapTables.of(booster, rounds);
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
    for (int r = 0; r < n; r++) {
      Arrays.fill(out[r], 0.0);
    }
    if (tables.isPresent()) {
      fromTables(tables.get(), rows, n, columns.columnOf(), out);
      return;
    }
    float[][] contributions = predict(rows, n);
    int[] columnOf = columns.columnOf();
    for (int r = 0; r < n; r++) {
      // the last entry is the bias, which belongs to no column
      for (int f = 0; f < columnOf.length; f++) {
        out[r][columnOf[f]] += contributions[r][f];
      }
    }
  }

  private static void fromTables(
      TreeShapTables tables, SparseRows rows, int n, int[] columnOf, double[][] out) {
    // a feature the row lacks is missing to XGBoost (see XGBoostData)
    float[] x = new float[rows.width()];
    Arrays.fill(x, Float.NaN);
    int[] followed = new int[tables.maxNodes()];
    for (int r = 0; r < n; r++) {
      for (int k = rows.start(r); k < rows.end(r); k++) {
        x[rows.feature(k)] = (float) rows.value(k);
      }
      tables.add(x, columnOf, followed, out[r]);
      for (int k = rows.start(r); k < rows.end(r); k++) {
        x[rows.feature(k)] = Float.NaN;
      }
    }
  }

  private float[][] predict(SparseRows rows, int n) {
    return boosters.with(
        booster -> XGBoostData.predict(rows, n, matrix -> booster.predictContrib(matrix, rounds)),
        "XGBoost could not explain the rows");
  }
}
