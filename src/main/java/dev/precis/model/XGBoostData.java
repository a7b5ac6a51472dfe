package dev.precis.model;

import dev.precis.data.EncodedData;
import dev.precis.data.SparseRows;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Sparse rows as an XGBoost matrix, compressed sparse rows as they are. XGBoost reads a feature a
 * row does not hold as missing, not as 0: trees send it down the branch each split learned for
 * missing values. The pipeline leaves a missing number out of the row for this family (see {@link
 * dev.precis.data.PipelineNeeds#missingAsAbsent}) and flags it with its indicator feature, which
 * tells it apart from a zero.
 */
final class XGBoostData {
  private XGBoostData() {}

  /** The first {@code n} rows (at least one); the caller disposes of the matrix. */
  static DMatrix matrix(SparseRows rows, int n) throws XGBoostError {
    int entries = rows.end(n - 1);
    long[] starts = new long[n + 1];
    int[] features = new int[entries];
    float[] values = new float[entries];
    for (int r = 0; r < n; r++) {
      for (int k = rows.start(r); k < rows.end(r); k++) {
        features[k] = rows.feature(k);
        values[k] = (float) rows.value(k);
      }
      starts[r + 1] = rows.end(r);
    }
    return new DMatrix(starts, features, values, DMatrix.SparseType.CSR, rows.width());
  }

  /** What is asked of a matrix of rows. */
  @FunctionalInterface
  interface Prediction {
    float[][] of(DMatrix matrix) throws XGBoostError;
  }

  /** {@code prediction} of the first {@code n} rows (at least one), in a matrix made for it. */
  static float[][] predict(SparseRows rows, int n, Prediction prediction) throws XGBoostError {
    DMatrix matrix = matrix(rows, n);
    try {
      return prediction.of(matrix);
    } finally {
      matrix.dispose();
    }
  }

  /** The rows with their labels, 1 for a positive. */
  static DMatrix labelled(SparseRows rows, boolean[] y) throws XGBoostError {
    DMatrix matrix = matrix(rows, y.length);
    float[] labels = new float[y.length];
    for (int r = 0; r < y.length; r++) {
      labels[r] = y[r] ? 1f : 0f;
    }
    matrix.setLabel(labels);
    return matrix;
  }

  /**
   * The rows with their labels and, when their classes weigh differently (prep.imbalance), each
   * row's weight: in the gradients of the rows fitted on, in the loss of the rows watched.
   */
  static DMatrix labelled(EncodedData rows) throws XGBoostError {
    DMatrix matrix = labelled(rows.x(), rows.y());
    if (!rows.weights().uniform()) {
      float[] weights = new float[rows.rows()];
      for (int r = 0; r < weights.length; r++) {
        weights[r] = (float) rows.weights().of(rows.y()[r]);
      }
      matrix.setWeight(weights);
    }
    return matrix;
  }
}
