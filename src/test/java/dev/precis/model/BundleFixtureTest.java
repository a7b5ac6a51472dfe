package dev.precis.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precis.config.PrecisConfig;
import dev.precis.eval.BinaryMetricsCalculator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Specifies that a bundle written by Precis 0.1.0 (see fixtures/SOURCE.md) still loads and scores
 * the bank file well.
 */
class BundleFixtureTest {
  private static final Path FIXTURE =
      Path.of("src/test/resources/fixtures/bank-logistic-0.1.0.precis");
  private static final Path BANK = Path.of("sample-data/bank/bank-additional.csv");

  private static ModelBundle bundle;

  @BeforeAll
  static void readFixture() {
    bundle = ModelBundle.read(FIXTURE);
  }

  @Test
  void fixtureIsA010LogisticBundle() {
    assertEquals(Manifest.SCHEMA, bundle.manifest().schema());
    assertEquals("0.1.0", bundle.manifest().precisVersion());
    assertEquals("logistic", bundle.manifest().modelType());
    assertEquals(PrecisConfig.VERSION, bundle.config().version());
    assertEquals(bundle.manifest().features(), bundle.pipeline().featureNames().size());
  }

  @Test
  void fixtureStillScoresTheBankFileWell() {
    List<double[]> scores = new ArrayList<>();
    List<boolean[]> labels = new ArrayList<>();
    new StreamingScorer(
            bundle, BANK, bundle.config().data(), StreamingScorer.Mode.LABELLED, 2, false)
        .run(
            block -> block,
            block -> {
              scores.add(Arrays.copyOf(block.scores(), block.rows()));
              labels.add(Arrays.copyOf(block.labels(), block.rows()));
            });
    int n = scores.stream().mapToInt(s -> s.length).sum();
    double[] allScores = new double[n];
    boolean[] allLabels = new boolean[n];
    int at = 0;
    for (int b = 0; b < scores.size(); b++) {
      System.arraycopy(scores.get(b), 0, allScores, at, scores.get(b).length);
      System.arraycopy(labels.get(b), 0, allLabels, at, labels.get(b).length);
      at += scores.get(b).length;
    }
    double auc = BinaryMetricsCalculator.compute(allScores, allLabels, 0.5, 10).auc();
    assertTrue(auc > 0.75, "AUC " + auc);
  }
}
