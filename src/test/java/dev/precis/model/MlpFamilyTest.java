package dev.precis.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precis.PrecisException;
import dev.precis.config.EngineConfig;
import dev.precis.config.PrecisConfig;
import dev.precis.data.DataSource;
import dev.precis.data.EncodedData;
import dev.precis.data.PipelineNeeds;
import dev.precis.data.PreparedData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Specifies the mlp's training on the bank sample: Adam gives the same network run to run, early
 * stopping keeps the best epoch, class weights matter, and the saved weights score exactly as the
 * trained ones.
 */
class MlpFamilyTest {
  private static final long SEED = 42;
  private static PreparedData data;
  private static Task task;

  @BeforeAll
  static void split() {
    PrecisConfig config = ModelBundleTest.bankConfig("model.type=mlp");
    data = DataSource.open(config, PipelineNeeds.SCALED).split();
    task = Task.of(config);
  }

  /** A small, quick mlp with these params changed. */
  private static MlpArtifact fit(EncodedData valid, int threads, String... sets) {
    return fit(data, task, valid, threads, sets);
  }

  /**
   * A small, quick mlp of one network on the bank split's training rows, with these params changed
   * (a later setting of a key wins).
   */
  static MlpArtifact fit(
      PreparedData data, Task task, EncodedData valid, int threads, String... sets) {
    String[] all = new String[sets.length + 4];
    all[0] = "model.type=mlp";
    all[1] = "model.params.hidden=[16]";
    all[2] = "model.params.epochs=4";
    // One network: what this class specifies is each network's training (MlpEnsembleTest: many).
    all[3] = "model.params.members=1";
    System.arraycopy(sets, 0, all, 4, sets.length);
    Map<String, Object> params = ModelBundleTest.bankConfig(all).model().params();
    MlpFamily family = new MlpFamily();
    return (MlpArtifact)
        family.fit(
            data.train(),
            valid,
            family.params(params),
            task,
            new EngineConfig(EngineConfig.Device.CPU, threads),
            SEED);
  }

  private static MlpArtifact fit(String... sets) {
    return fit(data.valid(), 2, sets);
  }

  private static void assertSameNetwork(MlpNetwork expected, MlpNetwork actual) {
    assertEquals(expected.layers().size(), actual.layers().size());
    for (int l = 0; l < expected.layers().size(); l++) {
      assertArrayEquals(expected.layers().get(l).weights(), actual.layers().get(l).weights());
      assertArrayEquals(expected.layers().get(l).bias(), actual.layers().get(l).bias());
    }
  }

  private static double[] testScores(ModelArtifact model) {
    return model.scorer(data.test().featureNames()).score(data.test().x());
  }

  @Test
  void adamGivesTheSameNetworkRunToRun() {
    MlpArtifact first = fit("model.params.optimizer=adam", "model.params.dropout=0.2");
    MlpArtifact second = fit("model.params.optimizer=adam", "model.params.dropout=0.2");
    assertSameNetwork(first.networks().get(0), second.networks().get(0));
    assertArrayEquals(testScores(first), testScores(second));
  }

  @Test
  void earlyStoppingKeepsTheBestEpochsWeights() {
    String[] fast = {
      "model.params.learning_rate=0.05", "model.params.epochs=30", "model.params.patience=2"
    };
    MlpArtifact stopped = fit(fast);
    int best = (int) stopped.fitSummary().get("best_epoch");
    int run = (int) stopped.fitSummary().get("epochs_run");
    assertTrue(run < 30, "a step of 0.05 should overfit 2,900 rows well before 30 epochs");
    assertEquals(best + 2, run, "stops after patience epochs without a better loss");
    // Training never reads the validation rows: the same fit cut at the best epoch is the same net.
    String[] cut = Arrays.copyOf(fast, fast.length + 1);
    cut[fast.length] = "model.params.epochs=" + best;
    MlpArtifact atBest = fit(EncodedData.empty(data.pipeline()), 2, cut);
    assertSameNetwork(atBest.networks().get(0), stopped.networks().get(0));
    assertEquals(
        (double) stopped.fitSummary().get("best_valid_loss"),
        stopped.networks().get(0).logLoss(data.valid(), new double[] {1, 1}));
  }

  @Test
  void withoutValidationRowsEveryEpochRuns() {
    MlpArtifact model = fit(EncodedData.empty(data.pipeline()), 2, "model.params.epochs=3");
    assertEquals(Map.of("best_epoch", 3, "epochs_run", 3), model.fitSummary());
  }

  @Test
  void balancedClassWeightsRaiseTheScoresOfTheRareClass() {
    String converge = "model.params.learning_rate=0.01";
    double plain = mean(testScores(fit(converge, "model.params.class_weights=none")));
    double balanced = mean(testScores(fit(converge, "model.params.class_weights=balanced")));
    // One row in nine responds: weighing responders eight times as much lifts every score.
    assertTrue(balanced > 2 * plain, "mean score " + balanced + " balanced, " + plain + " not");
  }

  @Test
  void savedWeightsScoreExactlyAsTheTrainedOnes() throws IOException {
    MlpArtifact trained = fit("model.params.activation=elu", "model.params.hidden=[8, 4]");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    trained.save(bytes);
    ModelArtifact back =
        ArtifactKinds.loader(trained.kind())
            .orElseThrow()
            .load(trained.name(), bytes.toByteArray());
    assertArrayEquals(testScores(trained), testScores(back));
    assertEquals(Map.of(), back.fitSummary());
  }

  @Test
  void savedWeightsReadRowsOfFeaturesInAnotherOrder() {
    MlpArtifact trained = fit();
    List<String> names = data.test().featureNames();
    int[] reversed = new int[names.size()];
    Arrays.setAll(reversed, i -> names.size() - 1 - i);
    List<String> reversedNames = Arrays.stream(reversed).mapToObj(names::get).toList();
    double[] direct = testScores(trained);
    double[] viaReversed = new double[data.test().rows()];
    var rows = new dev.precis.data.SparseRows(names.size());
    for (int r = 0; r < data.test().rows(); r++) {
      double[] dense = new double[names.size()];
      data.test().x().dense(r, dense);
      for (int f = 0; f < names.size(); f++) {
        rows.put(f, dense[reversed[f]]);
      }
      rows.endRow();
    }
    trained.scorer(reversedNames).score(rows, rows.rows(), viaReversed);
    for (int r = 0; r < direct.length; r++) {
      assertEquals(direct[r], viaReversed[r], 1e-12, "row " + r);
    }
  }

  @Test
  void gpuOnTheCpuBuildIsAUsageErrorSayingHowToFixIt() {
    MlpFamily family = new MlpFamily();
    PrecisException e =
        assertThrows(
            PrecisException.class,
            () -> family.checkDevice("mlp", new EngineConfig(EngineConfig.Device.GPU, 1)));
    assertEquals(PrecisException.USAGE, e.exitCode());
    assertTrue(e.getMessage().contains("engine.device: cpu"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
  }

  @Test
  void anotherFormatIsRefused() {
    assertFalse(
        tryLoad(
            "{\"format\": 2, \"network\": null}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertFalse(tryLoad("not json".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  private static boolean tryLoad(byte[] bytes) {
    try {
      MlpArtifact.load(MlpArtifact.MODEL, bytes);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static double mean(double[] values) {
    return Arrays.stream(values).average().orElseThrow();
  }
}
