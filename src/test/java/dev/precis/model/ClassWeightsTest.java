package dev.precis.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precis.PrecisException;
import dev.precis.config.PrecisConfig;
import dev.precis.data.ClassWeights;
import dev.precis.data.EncodedData;
import dev.precis.data.PipelineNeeds;
import dev.precis.data.Preparation;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Specifies that prep.imbalance's class weights reach every family: on the bank sample's training
 * rows, a model fitted with positives weighing 8 times as much scores the same rows higher than the
 * same family fitted without weights. (The text networks weigh their loss through the same code as
 * mlp, EpochLoop.classWeights.)
 */
class ClassWeightsTest {
  private static final ClassWeights HEAVY_POSITIVES = new ClassWeights(1, 8);
  private static final Map<PipelineNeeds, EncodedData> ROWS = new HashMap<>();

  @ParameterizedTest
  @CsvSource({
    "logistic, model.params.epochs=3",
    "linear-svm, model.calibration=none",
    "fm, model.params.epochs=3",
    "tree, model.params.max_depth=4",
    "forest, model.params.trees=8",
    "xgboost, model.params.rounds=20",
    "mlp, model.params.epochs=2"
  })
  void positiveWeightsRaiseTheScoresOfEveryFamily(String type, String setting) {
    PrecisConfig config = ModelBundleTest.bankConfig("model.type=" + type, setting);
    ModelType family = ModelCatalog.type(type);
    EncodedData train = rows(family.needs());
    double plain = meanScore(fit(family, config, train), train);
    double weighed = meanScore(fit(family, config, train.withWeights(HEAVY_POSITIVES)), train);
    assertTrue(weighed > plain + 0.02, type + ": " + plain + " -> " + weighed);
  }

  @Test
  void naiveBayesWhichKeepsNoClassPriorRefusesImbalanceNamingTheKey() {
    PrecisException refused =
        assertThrows(
            PrecisException.class,
            () ->
                ModelBundleTest.bankConfig(
                    "model.type=naive-bayes", "prep.imbalance.method=weights"));
    assertEquals(2, refused.exitCode());
    assertTrue(refused.getMessage().contains("prep.imbalance.method"), refused.getMessage());
  }

  private static ModelArtifact fit(ModelType family, PrecisConfig config, EncodedData train) {
    return family
        .fitter(config.model().params())
        .fit(train, train.subset(new int[0]), new ResponseTask("y", "yes"), config.engine(), 42L);
  }

  private static double meanScore(ModelArtifact model, EncodedData rows) {
    return Arrays.stream(model.scorer(rows.featureNames()).score(rows.x())).average().orElseThrow();
  }

  /** The bank sample's training rows, encoded for a family that needs these numbers. */
  private static synchronized EncodedData rows(PipelineNeeds needs) {
    return ROWS.computeIfAbsent(
        needs, n -> Preparation.run(ModelBundleTest.bankConfig(), n).data().train());
  }
}
