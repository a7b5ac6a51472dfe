package dev.precis.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precis.cli.CliRun;
import dev.precis.config.PrepConfig.Imbalance;
import dev.precis.config.PrepConfig.Rebalance;
import dev.precis.data.DataSource.Fold;
import dev.precis.data.EncodedData;
import dev.precis.data.Rebalancing.Rebalanced;
import dev.precis.data.SparseRows;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Specifies prep.imbalance inside tune: a trial rebalances only the rows it fits on in a fold; the
 * rows it watches and the held-out rows it is scored on keep the true balance.
 */
class FoldImbalanceTest {
  private static final Imbalance UNDERSAMPLE = new Imbalance(Rebalance.UNDERSAMPLE, 1, true);

  @Test
  void aTrialRebalancesTheRowsItFitsOnAndNeverTheRowsItIsScoredOn() {
    EncodedData train = rows(0, 1000, 100);
    EncodedData heldOut = rows(1000, 250, 25);
    CrossValidation.FoldRows fold =
        CrossValidation.carve(List.of(new Fold(train, heldOut)), 0.2, 42).get(0);
    Rebalanced fitted = CrossValidation.fitted(fold, 1, UNDERSAMPLE, 42);
    assertEquals(80, fitted.rows().positives());
    assertEquals(160, fitted.rows().rows());
    assertTrue(ids(fold.fit()).containsAll(ids(fitted.rows())), "drawn from the fitting rows");
    assertSame(heldOut, fold.scored());
    assertEquals(25, fold.scored().positives());
    assertEquals(200, fold.valid().rows());
    assertEquals(20, fold.valid().positives());
  }

  @Test
  void tuneRunsWithUndersampledFolds(@TempDir Path dir) {
    CliRun run =
        CliRun.tune(
            dir.resolve("tune"),
            "--set",
            "data.drop=[duration]",
            "--set",
            "prep.imbalance.method=undersample",
            "--trials",
            "2",
            "--folds",
            "3");
    assertEquals(0, run.exitCode(), run.transcript());
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
