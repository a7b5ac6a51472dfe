package dev.precis.model;

import dev.precis.data.FeatureColumns;
import dev.precis.data.SparseRows;
import java.util.Arrays;

/**
 * A linear model's exact contributions: each feature adds its weight times its value, relative to
 * an encoded row of zeros, whose raw score is the intercept. With standard scaling a numeric column
 * at its training mean encodes as zero; a categorical column's reason is its level's weight.
 */
final class LinearExplainer implements Explainer {
  private final double[] weights;
  private final double intercept;

  LinearExplainer(double[] weights, double intercept) {
    this.weights = weights;
    this.intercept = intercept;
  }

  @Override
  public String method() {
    return "linear";
  }

  @Override
  public double baseline() {
    return intercept;
  }

  @Override
  public void contributions(SparseRows rows, int n, FeatureColumns columns, double[][] out) {
    int[] columnOf = columns.columnOf();
    for (int r = 0; r < n; r++) {
      double[] row = out[r];
      Arrays.fill(row, 0.0);
      for (int k = rows.start(r); k < rows.end(r); k++) {
        int f = rows.feature(k);
        row[columnOf[f]] += weights[f] * rows.value(k);
      }
    }
  }
}
