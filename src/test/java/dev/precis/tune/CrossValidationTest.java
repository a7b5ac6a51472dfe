package dev.precis.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.precis.data.DataSource.Fold;
import dev.precis.data.EncodedData;
import dev.precis.data.SparseRows;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Specifies what a trial sees of a fold: it watches rows carved from the fold's training rows and
 * is scored on the held-out rows, never on what it watched.
 */
class CrossValidationTest {

  @Test
  void aTrialWatchesAStratifiedShareOfTheTrainingRowsAndIsScoredOnTheHeldOutFoldTest() {
    EncodedData train = rows(0, 1000, 100);
    EncodedData heldOut = rows(1000, 250, 25);
    List<CrossValidation.FoldRows> carved =
        CrossValidation.carve(List.of(new Fold(train, heldOut)), 0.2, 42);
    CrossValidation.FoldRows fold = carved.get(0);
    assertSame(heldOut, fold.scored());
    assertEquals(200, fold.valid().rows());
    assertEquals(20, fold.valid().positives(), "stratified: the positive rate of the fold");
    assertEquals(800, fold.fit().rows());
    Set<Double> ids = new HashSet<>();
    ids.addAll(ids(fold.fit()));
    ids.addAll(ids(fold.valid()));
    assertEquals(ids(train), ids, "fit and valid partition the training rows");
  }

  @Test
  void noValidationShareLeavesEveryTrainingRowToFitOnTest() {
    EncodedData train = rows(0, 100, 10);
    CrossValidation.FoldRows fold =
        CrossValidation.carve(List.of(new Fold(train, rows(100, 20, 2))), 0, 42).get(0);
    assertEquals(100, fold.fit().rows());
    assertEquals(0, fold.valid().rows());
  }

  /** {@code n} rows whose one feature is their id, the first {@code positives} positive. */
  private static EncodedData rows(int firstId, int n, int positives) {
    SparseRows x = new SparseRows(1);
    boolean[] y = new boolean[n];
    for (int i = 0; i < n; i++) {
      x.put(0, firstId + i + 1);
      x.endRow();
      y[i] = i < positives;
    }
    return new EncodedData(List.of("id"), x, y);
  }

  private static Set<Double> ids(EncodedData data) {
    Set<Double> ids = new HashSet<>();
    for (int r = 0; r < data.rows(); r++) {
      ids.add(data.x().value(data.x().start(r)));
    }
    return ids;
  }
}
