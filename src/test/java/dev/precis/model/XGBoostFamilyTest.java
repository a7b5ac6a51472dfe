package dev.precis.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precis.PrecisException;
import dev.precis.config.EngineConfig;
import dev.precis.config.PrecisConfig;
import dev.precis.data.EncodedData;
import dev.precis.data.PipelineNeeds;
import dev.precis.data.Preparation;
import dev.precis.data.PreparedData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Specifies the xgboost family on the bank sample: early stopping on the validation rows, the kept
 * round scoring, a saved booster scoring the same, and the same model on any thread count.
 */
class XGBoostFamilyTest {
  private static final ModelType XGBOOST = ModelCatalog.type("xgboost");
  private static final EngineConfig ONE_THREAD = new EngineConfig(EngineConfig.Device.CPU, 1);
  private static final EngineConfig TWO_THREADS = new EngineConfig(EngineConfig.Device.CPU, 2);
  private static final long SEED = 42;

  private static PreparedData bank;

  @BeforeAll
  static void prepareBank() {
    PrecisConfig config = ModelBundleTest.bankConfig("model.type=xgboost");
    bank = Preparation.run(config, XGBOOST.needs()).data();
  }

  /** The defaults with these parameters changed. */
  private static ModelType.Fitter fitter(Object... keysAndValues) {
    Map<String, Object> params = new LinkedHashMap<>();
    XGBOOST.params().forEach(p -> params.put(p.name(), p.defaultValue()));
    for (int i = 0; i < keysAndValues.length; i += 2) {
      params.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return XGBOOST.fitter(params);
  }

  private static BoosterArtifact fit(
      ModelType.Fitter fitter, EncodedData valid, EngineConfig engine, long seed) {
    return (BoosterArtifact)
        fitter.fit(bank.train(), valid, new ResponseTask("y", "yes"), engine, seed);
  }

  private static double[] scores(ModelArtifact model) {
    return model.scorer(bank.pipeline().featureNames()).score(bank.test().x());
  }

  private static byte[] bytes(ModelArtifact model) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    model.save(out);
    return out.toByteArray();
  }

  /** A fast fit that stops early: a high learning rate, ten rounds of patience. */
  private static BoosterArtifact stopped() {
    return fit(
        fitter("learning_rate", 0.3, "early_stopping_rounds", 10), bank.valid(), ONE_THREAD, SEED);
  }

  @Test
  void maxLeavesGrowsTreesOfThatManyLeavesBestSplitFirst() {
    ModelType.Fitter oneTree = fitter("rounds", 1, "max_depth", 0, "max_leaves", 3);
    long distinct =
        Arrays.stream(scores(fit(oneTree, bank.valid(), ONE_THREAD, SEED))).distinct().count();
    assertEquals(3, distinct, "one tree of three leaves gives three scores");
  }

  @Test
  void familyTakesRawNumbersAndLeavesMissingOnesToXGBoost() {
    assertEquals(new PipelineNeeds(PipelineNeeds.Numbers.RAW, true), XGBOOST.needs());
    assertEquals("rounds", XGBOOST.budget());
  }

  @Test
  void earlyStoppingStopsBeforeTheCapAndKeepsTheBestRound() {
    BoosterArtifact model = stopped();
    int run = (Integer) model.fitSummary().get("rounds_run");
    int best = (Integer) model.fitSummary().get("best_round");
    assertTrue(run < 1000, "stopped at " + run + " of 1000 rounds");
    assertEquals(run - 10, best, "ten rounds past the best");
    assertEquals(best, model.rounds(), "the best round is what scores");
    assertTrue(model.fitSummary().containsKey("valid_logloss"));
  }

  @Test
  void keptRoundScoresDifferentlyFromEveryRoundRun() {
    BoosterArtifact model = stopped();
    BoosterArtifact everyRound =
        new BoosterArtifact(model.booster(), model.rounds() + 10, Map.of());
    assertFalse(Arrays.equals(scores(model), scores(everyRound)));
  }

  @Test
  void withoutValidationRowsEveryRoundRuns() {
    BoosterArtifact model =
        fit(fitter("rounds", 25), EncodedData.empty(bank.pipeline()), ONE_THREAD, 1);
    assertEquals(Map.of("best_round", 25, "rounds_run", 25), model.fitSummary());
    assertEquals(25, model.rounds());
  }

  @Test
  void sameSeedGivesTheSameModelOnOneOrTwoThreads() throws IOException {
    ModelType.Fitter fitter = fitter("rounds", 15, "learning_rate", 0.3);
    BoosterArtifact one = fit(fitter, bank.valid(), ONE_THREAD, SEED);
    BoosterArtifact two = fit(fitter, bank.valid(), TWO_THREADS, SEED);
    assertEquals(one.fitSummary(), two.fitSummary());
    assertArrayEquals(scores(one), scores(two));
    assertArrayEquals(bytes(one), bytes(two));
  }

  @Test
  void anotherSeedDrawsOtherRowsAndFeatures() {
    ModelType.Fitter fitter = fitter("rounds", 20);
    EncodedData none = EncodedData.empty(bank.pipeline());
    assertFalse(
        Arrays.equals(
            scores(fit(fitter, none, ONE_THREAD, SEED)),
            scores(fit(fitter, none, ONE_THREAD, SEED + 1))));
  }

  @Test
  void savedBoosterScoresTheSameAsTheFittedOne() throws IOException {
    BoosterArtifact model =
        fit(fitter("learning_rate", 0.3, "early_stopping_rounds", 5), bank.valid(), ONE_THREAD, 7);
    ModelArtifact back =
        ArtifactKinds.loader(model.kind()).orElseThrow().load(model.name(), bytes(model));
    assertEquals(model.rounds(), ((BoosterArtifact) back).rounds());
    assertArrayEquals(scores(model), scores(back));
    assertEquals(Map.of(), back.fitSummary());
  }

  @Test
  void bytesThatAreNoBoosterAreRefused() {
    assertThrows(
        IOException.class,
        () ->
            ArtifactKinds.loader(BoosterArtifact.KIND)
                .orElseThrow()
                .load(
                    "model.ubj", "not a model".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  @Test
  void gpuIsAUsageErrorBeforeAnyWork() {
    PrecisException e =
        assertThrows(
            PrecisException.class,
            () -> fit(fitter(), bank.valid(), new EngineConfig(EngineConfig.Device.GPU, 1), SEED));
    assertEquals(PrecisException.USAGE, e.exitCode());
    assertTrue(e.getMessage().contains("engine.device"), e.getMessage());
  }
}
