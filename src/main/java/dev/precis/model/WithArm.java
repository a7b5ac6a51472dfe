package dev.precis.model;

import dev.precis.data.SparseRows;

/**
 * Scores rows with the arm feature appended at the end ({@link UpliftTask#ARM_FEATURE}), set to one
 * value for every row: a single-model fit scored as if each customer were treated, or not.
 */
record WithArm(Scorer model, double arm) implements Scorer {
  @Override
  public void score(SparseRows rows, int n, double[] scores) {
    model.score(appended(rows, n, r -> arm), n, scores);
  }

  /** rows[0..n) with one more feature, the last, holding each row's arm. */
  static SparseRows appended(SparseRows rows, int n, java.util.function.IntToDoubleFunction arm) {
    SparseRows out = new SparseRows(rows.width() + 1);
    for (int r = 0; r < n; r++) {
      for (int k = rows.start(r); k < rows.end(r); k++) {
        out.put(rows.feature(k), rows.value(k));
      }
      out.put(rows.width(), arm.applyAsDouble(r));
      out.endRow();
    }
    return out;
  }
}
