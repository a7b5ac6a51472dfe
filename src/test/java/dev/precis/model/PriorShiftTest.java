package dev.precis.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precis.config.PrecisConfig;
import dev.precis.data.EncodedData;
import dev.precis.data.Preparation;
import dev.precis.train.ModelTraining;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Specifies the prior-shift correction: it maps a score fitted at the rebalanced rate back to the
 * true one without changing the order of scores, survives saving, and on bank brings an
 * undersampled model's mean score on the test rows to their response rate.
 */
class PriorShiftTest {
  @TempDir Path dir;

  @Test
  void aRatioOfOneChangesNothingAndAnyRatioKeepsTheOrderOfScores() {
    PriorShiftArtifact same = new PriorShiftArtifact(PriorShiftArtifact.NAME, 1);
    PriorShiftArtifact down = new PriorShiftArtifact(PriorShiftArtifact.NAME, 0.125);
    double previous = -1;
    for (double p = 0; p <= 1; p += 0.05) {
      assertEquals(p, same.corrected(p), 1e-12);
      double q = down.corrected(p);
      assertTrue(q > previous || p == 0, p + " -> " + q);
      assertTrue(q <= p + 1e-12, p + " -> " + q);
      previous = q;
    }
    // odds of 1 at the balanced rate are odds of 1/8 at the true one: p = 1/9
    assertEquals(1 / 9.0, down.corrected(0.5), 1e-12);
    // a score a rounding past 1 stays a probability
    assertEquals(1, down.corrected(1.0000000000000007));
    assertEquals(1, new PriorShiftArtifact(PriorShiftArtifact.NAME, 3).corrected(1 + 1e-15));
  }

  @Test
  void theCorrectionReadsBackAsSaved() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new PriorShiftArtifact(PriorShiftArtifact.NAME, 0.2).save(bytes);
    ModelArtifact back =
        ArtifactKinds.loader(PriorShiftArtifact.KIND)
            .orElseThrow()
            .load(PriorShiftArtifact.NAME, bytes.toByteArray());
    assertEquals(0.2, assertInstanceOf(PriorShiftArtifact.class, back).oddsRatio());
  }

  @Test
  void anUndersampledModelsMeanTestScoreIsTheTrueRateOnlyWithTheCorrection() {
    double rate = 0;
    double[] means = new double[2];
    for (int i = 0; i < 2; i++) {
      PrecisConfig config =
          ModelBundleTest.bankConfig(
              "prep.imbalance.method=undersample", "prep.imbalance.correct=" + (i == 0));
      ModelBundle bundle = ModelTraining.train(config, dir.resolve(i + ".precis")).bundle();
      EncodedData test =
          Preparation.run(config, ModelCatalog.type("logistic").needs()).data().test();
      assertEquals(bundle.pipeline().featureNames(), test.featureNames());
      means[i] = Arrays.stream(bundle.scorer().score(test.x())).average().orElseThrow();
      rate = test.positives() / (double) test.rows();
    }
    assertTrue(Math.abs(means[0] - rate) < 0.02, "corrected " + means[0] + ", rate " + rate);
    assertTrue(means[1] - rate > 0.25, "uncorrected " + means[1] + ", rate " + rate);
  }
}
