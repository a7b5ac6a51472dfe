package dev.precis.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Specifies the PSI per feature and per column on small fixtures whose value can be worked out by
 * hand: PSI = sum over bins of (actual - expected) * ln(actual / expected), an empty bin counting
 * as 0.0001.
 */
class FeatureDriftTest {
  /** Three features: a 0/1 level of "job", another level of "job", and "visits", tied at 0. */
  private static final List<String> FEATURES = List.of("job=a", "job=b", "visits");

  private static final FeatureColumns COLUMNS =
      new FeatureColumns(
          List.of("job", "visits"),
          List.of(List.of("job"), List.of("visits")),
          new int[] {0, 0, 1});

  /** 75% of the training rows made no visit; the deciles say 0 eight times, and none below. */
  private static final FeatureDistributions TRAINING =
      new FeatureDistributions(
          FeatureDistributions.SCHEMA,
          100,
          List.of(
              new FeatureDistributions.Feature("job=a", 0.5, null, null),
              new FeatureDistributions.Feature("job=b", 0.5, null, null),
              new FeatureDistributions.Feature(
                  "visits",
                  null,
                  List.of(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 2.0, 5.0),
                  List.of(0.0, 0.75, 0.05, 0.1, 0.1))));

  @Test
  void aBinaryFeatureComparesItsShareOfOnesAndOfZeros() {
    // job=a on 3 rows of 4 against half the training rows; job=b on 1 of 4
    FeatureDrift drift = drift(rows(new double[][] {{1, 0, 0}, {1, 0, 0}, {1, 0, 0}, {0, 1, 0}}));
    double expected = (0.25 - 0.5) * Math.log(0.25 / 0.5) + (0.75 - 0.5) * Math.log(0.75 / 0.5);
    FeatureDrift.Column job = column(drift, "job");
    assertEquals(expected, job.psi(), 1e-12);
    assertEquals("major", job.band(), "0.2747 is over 0.25");
  }

  @Test
  void tiedDecilesMakeOneBinComparedWithItsStoredShare() {
    // visits 0, 0, 0, 0, 0, 1, 2, 2, 7, 7: bins (-inf, 0), 0, (0, 1], (1, 2], (2, inf); the first
    // is empty in both, which adds nothing
    double[][] values = new double[10][];
    double[] visits = {0, 0, 0, 0, 0, 1, 2, 2, 7, 7};
    for (int r = 0; r < 10; r++) {
      values[r] = new double[] {r % 2, 1 - r % 2, visits[r]};
    }
    FeatureDrift.Column column = column(drift(rows(values)), "visits");
    double expected =
        (0.5 - 0.75) * Math.log(0.5 / 0.75)
            + (0.1 - 0.05) * Math.log(0.1 / 0.05)
            + (0.2 - 0.1) * Math.log(0.2 / 0.1)
            + (0.2 - 0.1) * Math.log(0.2 / 0.1);
    assertEquals(expected, column.psi(), 1e-12);
    assertEquals("visits", column.feature());
  }

  @Test
  void anEmptyBinCountsAsOneInTenThousandAndAColumnTakesItsLargestFeature() {
    // job=a on every row, job=b on none: each level's own PSI is the same, with an empty bin
    FeatureDrift drift = drift(rows(new double[][] {{1, 0, 0}, {1, 0, 0}}));
    double empty = 1e-4;
    double expected = (1 - 0.5) * Math.log(1 / 0.5) + (empty - 0.5) * Math.log(empty / 0.5);
    assertEquals(expected, column(drift, "job").psi(), 1e-12);
    assertEquals("major", column(drift, "job").band());
    assertEquals("job", drift.columns().get(0).column(), "the largest shift first");
    assertEquals(expected, drift.psi(), 1e-12);
  }

  @Test
  void countsMergedBlockByBlockEqualCountsOfTheWholeInAnyOrder() {
    double[][] all = {{1, 0, 3}, {0, 1, 0}, {1, 0, 1}, {0, 0, 9}, {0, 1, 2}};
    FeatureTally whole = tally();
    whole.add(rows(all), all.length);
    FeatureTally merged = tally();
    FeatureTally second = tally();
    second.add(rows(new double[][] {all[3], all[4]}), 2);
    FeatureTally first = tally();
    first.add(rows(new double[][] {all[0], all[1], all[2]}), 3);
    merged.merge(second);
    merged.merge(first);
    assertEquals(
        FeatureDrift.of(whole, FEATURES, COLUMNS), FeatureDrift.of(merged, FEATURES, COLUMNS));
  }

  @Test
  void distributionsWithoutBinSharesHaveNothingToCompareWith() {
    FeatureDistributions older =
        new FeatureDistributions(
            FeatureDistributions.SCHEMA,
            100,
            List.of(
                new FeatureDistributions.Feature("job=a", 0.5, null, null),
                new FeatureDistributions.Feature(
                    "visits", null, TRAINING.features().get(2).deciles(), null)));
    assertTrue(FeatureTally.of(FEATURES, older).isEmpty());
  }

  @Test
  void trainingSharesOfTiedValuesAreCountedNotAssumed() {
    // 96 rows hold 999 and 4 hold 0..3: every inner decile is 999
    SparseRows x = new SparseRows(1);
    for (int r = 0; r < 100; r++) {
      x.put(0, r < 96 ? 999 : r - 96);
      x.endRow();
    }
    FeatureDistributions.Feature pdays =
        FeatureDistributions.of(List.of("pdays"), new boolean[] {true}, x).features().get(0);
    // (-inf, 999), 999 and (999, +inf)
    assertEquals(List.of(0.04, 0.96, 0.0), pdays.shares());
    FeatureTally same = FeatureTally.of(List.of("pdays"), distributionsOf(pdays)).orElseThrow();
    same.add(x, 100);
    FeatureDrift drift = FeatureDrift.of(same, List.of("pdays"), PDAYS);
    assertEquals(0.0, drift.psi(), 1e-12);
    assertFalse(drift.columns().isEmpty());
    // half the rows move off the tied value onto one below it: a major shift
    SparseRows moved = new SparseRows(1);
    for (int r = 0; r < 100; r++) {
      moved.put(0, r < 50 ? 999 : 1);
      moved.endRow();
    }
    FeatureTally shifted = FeatureTally.of(List.of("pdays"), distributionsOf(pdays)).orElseThrow();
    shifted.add(moved, 100);
    double expected = (0.5 - 0.04) * Math.log(0.5 / 0.04) + (0.5 - 0.96) * Math.log(0.5 / 0.96);
    assertEquals(expected, FeatureDrift.of(shifted, List.of("pdays"), PDAYS).psi(), 1e-12);
  }

  private static final FeatureColumns PDAYS =
      new FeatureColumns(List.of("pdays"), List.of(List.of("pdays")), new int[] {0});

  private static FeatureDistributions distributionsOf(FeatureDistributions.Feature feature) {
    return new FeatureDistributions(FeatureDistributions.SCHEMA, 100, List.of(feature));
  }

  private static FeatureDrift drift(SparseRows x) {
    FeatureTally tally = tally();
    tally.add(x, x.rows());
    return FeatureDrift.of(tally, FEATURES, COLUMNS);
  }

  private static FeatureTally tally() {
    return FeatureTally.of(FEATURES, TRAINING).orElseThrow();
  }

  private static SparseRows rows(double[][] values) {
    SparseRows x = new SparseRows(FEATURES.size());
    for (double[] row : values) {
      for (int f = 0; f < row.length; f++) {
        x.put(f, row[f]);
      }
      x.endRow();
    }
    return x;
  }

  private static FeatureDrift.Column column(FeatureDrift drift, String name) {
    return drift.columns().stream().filter(c -> c.column().equals(name)).findFirst().orElseThrow();
  }
}
