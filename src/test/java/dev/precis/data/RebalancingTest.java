package dev.precis.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precis.config.ConfigLoader;
import dev.precis.config.ConfigOverride;
import dev.precis.config.PrecisConfig;
import dev.precis.config.PrepConfig.Imbalance;
import dev.precis.config.PrepConfig.Rebalance;
import dev.precis.data.Rebalancing.Rebalanced;
import dev.precis.model.ModelCatalog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Specifies prep.imbalance on the bank sample's training rows (315 positives of 2,883): each method
 * moves the balance as declared, draws its rows by the seed, and reports the odds ratio that maps
 * the fitted model back to the true base rate.
 */
class RebalancingTest {
  private static EncodedData train;
  private static long positives;
  private static long negatives;

  @BeforeAll
  static void bankTrainingRows() {
    PrecisConfig config =
        new ConfigLoader(ModelCatalog::complete)
            .load(
                null,
                List.of(
                    ConfigOverride.parseSet("data.path=sample-data/bank/bank-additional.csv"),
                    ConfigOverride.parseSet("data.target=y"),
                    ConfigOverride.parseSet("data.drop=[duration]")));
    Preparation prep = Preparation.run(config, PipelineNeeds.SCALED);
    train = prep.data().train();
    positives = train.positives();
    negatives = train.rows() - positives;
  }

  private static Rebalanced apply(Rebalance method, double ratio, long seed) {
    return Rebalancing.apply(new Imbalance(method, ratio, true), train, seed);
  }

  @Test
  void noneLeavesTheRowsAsTheyAre() {
    Rebalanced none = apply(Rebalance.NONE, 1, 42);
    assertSame(train, none.rows());
    assertEquals(1, none.oddsRatio());
  }

  @Test
  void undersampleKeepsEveryPositiveAndDrawsNegativesToTheRatio() {
    Rebalanced half = apply(Rebalance.UNDERSAMPLE, 0.5, 42);
    assertEquals(315, positives, "the bank sample's training positives");
    assertEquals(positives, half.rows().positives());
    assertEquals(2 * positives, half.rows().rows() - half.rows().positives());
    assertTrue(isSubset(half.rows(), train), "only rows of the training part, none twice");
    assertEquals((positives / (double) negatives) / 0.5, half.oddsRatio(), 1e-12);
  }

  @Test
  void oversampleRepeatsPositivesToTheRatioAndKeepsEveryNegative() {
    Rebalanced balanced = apply(Rebalance.OVERSAMPLE, 1, 42);
    assertEquals(negatives, balanced.rows().rows() - balanced.rows().positives());
    assertEquals(negatives, balanced.rows().positives());
    Map<String, Integer> copies = counts(balanced.rows());
    int[] perRow = copies.values().stream().mapToInt(Integer::intValue).sorted().toArray();
    // 2,568 negatives from 315 positives: every positive 8 or 9 times, each negative once
    assertEquals(1, perRow[0]);
    assertEquals(9, perRow[perRow.length - 1]);
    assertEquals(positives / (double) negatives, balanced.oddsRatio(), 1e-12);
  }

  @Test
  void weightsKeepTheRowsAndWeighEachPositiveToTheRatio() {
    Rebalanced weighed = apply(Rebalance.WEIGHTS, 1, 42);
    assertEquals(train.rows(), weighed.rows().rows());
    assertEquals(1, weighed.rows().weights().negative());
    assertEquals(negatives / (double) positives, weighed.rows().weights().positive(), 1e-12);
    assertEquals(0.5, Rebalancing.weightedRate(weighed.rows()), 1e-12);
    assertEquals(positives / (double) negatives, weighed.oddsRatio(), 1e-12);
  }

  @Test
  void theSameSeedDrawsTheSameRowsAndAnotherSeedOthers() {
    for (Rebalance method : List.of(Rebalance.UNDERSAMPLE, Rebalance.OVERSAMPLE)) {
      EncodedData once = apply(method, 0.4, 42).rows();
      EncodedData again = apply(method, 0.4, 42).rows();
      EncodedData other = apply(method, 0.4, 43).rows();
      assertArrayEquals(once.y(), again.y());
      assertEquals(rowKeys(once), rowKeys(again), method.toString());
      assertFalse(rowKeys(once).equals(rowKeys(other)), method.toString());
    }
  }

  @Test
  void aPartAlreadyAsBalancedAsAskedIsLeftAsItIs() {
    double rate = positives / (double) negatives;
    for (Rebalance method :
        List.of(Rebalance.UNDERSAMPLE, Rebalance.OVERSAMPLE, Rebalance.WEIGHTS)) {
      Rebalanced loose = apply(method, rate / 2, 42);
      assertEquals(train.rows(), loose.rows().rows(), method.toString());
      assertEquals(1, loose.oddsRatio(), method.toString());
    }
  }

  private static boolean isSubset(EncodedData some, EncodedData all) {
    Map<String, Integer> have = counts(all);
    for (Map.Entry<String, Integer> e : counts(some).entrySet()) {
      if (have.getOrDefault(e.getKey(), 0) < e.getValue()) {
        return false;
      }
    }
    return true;
  }

  /** How many times each distinct row (features and label) occurs. */
  private static Map<String, Integer> counts(EncodedData data) {
    Map<String, Integer> counts = new HashMap<>();
    for (String key : rowKeys(data)) {
      counts.merge(key, 1, Integer::sum);
    }
    return counts;
  }

  private static List<String> rowKeys(EncodedData data) {
    List<String> keys = new ArrayList<>();
    SparseRows x = data.x();
    for (int r = 0; r < data.rows(); r++) {
      StringBuilder key = new StringBuilder(data.y()[r] ? "+" : "-");
      for (int k = x.start(r); k < x.end(r); k++) {
        key.append(' ').append(x.feature(k)).append(':').append(x.value(k));
      }
      keys.add(key.toString());
    }
    return keys;
  }
}
