package dev.precis.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precis.PrecisException;
import dev.precis.data.CsvTable;
import dev.precis.data.PipelineNeeds;
import dev.precis.data.RowEncoder;
import dev.precis.data.SparseRows;
import dev.precis.train.ModelTraining;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Specifies the families built on Tribuo's trainers (forest, tree, linear-svm, fm, naive-bayes,
 * logistic), on the bank sample with small settings: each learns, scores in [0, 1], survives its
 * bundle, and gives the same scores on one thread as on two.
 */
class TribuoFamiliesTest {
  @TempDir static Path dir;

  /** Each family with settings small enough for a quick test. */
  static Stream<List<String>> families() {
    return Stream.of(
        List.of("model.type=forest", "model.params.trees=8", "model.params.max_depth=8"),
        List.of(
            "model.type=forest",
            "model.params.trees=6",
            "model.params.kind=extra",
            "model.params.max_depth=8"),
        List.of("model.type=tree"),
        List.of("model.type=linear-svm"),
        List.of("model.type=fm", "model.params.epochs=3"),
        List.of("model.type=naive-bayes"),
        List.of("model.type=logistic", "model.params.epochs=2"));
  }

  private static final Map<String, ModelTraining.Result> TRAINED = new HashMap<>();

  /** The family trained on the bank sample with engine.threads as given (once per settings). */
  private static synchronized ModelTraining.Result trained(List<String> sets, int threads) {
    String key = sets + " threads " + threads;
    return TRAINED.computeIfAbsent(
        key,
        k -> {
          String[] all =
              Stream.concat(sets.stream(), Stream.of("engine.threads=" + threads))
                  .toArray(String[]::new);
          return ModelTraining.train(
              ModelBundleTest.bankConfig(all), dir.resolve(TRAINED.size() + ".precis"));
        });
  }

  /** Every row of the bank sample, encoded by the bundle's pipeline. */
  private static SparseRows bankRows(ModelBundle bundle) {
    CsvTable table = CsvTable.read(ModelBundleTest.BANK, bundle.config().data());
    RowEncoder encoder = bundle.pipeline().encoder(table.file(), table.columns());
    SparseRows x = new SparseRows(encoder.featureCount());
    for (int r = 0; r < table.rowCount(); r++) {
      encoder.encode(table.row(r), x);
    }
    return x;
  }

  @ParameterizedTest
  @MethodSource("families")
  void learnsTheBankResponse(List<String> sets) {
    double auc = trained(sets, 1).report().metrics().get("test").auc();
    assertTrue(auc > 0.7, sets + " test AUC " + auc);
  }

  @ParameterizedTest
  @MethodSource("families")
  void scoresLieInZeroToOne(List<String> sets) {
    ModelBundle bundle = trained(sets, 1).bundle();
    for (double s : bundle.scorer().score(bankRows(bundle))) {
      assertTrue(s >= 0 && s <= 1, sets + " scored " + s);
    }
  }

  @ParameterizedTest
  @MethodSource("families")
  void bundleReadBackScoresTheSame(List<String> sets) throws IOException {
    ModelBundle bundle = trained(sets, 1).bundle();
    Path file = dir.resolve("back-" + Math.abs(sets.hashCode()) + ".precis");
    try (OutputStream out = Files.newOutputStream(file)) {
      bundle.write(out);
    }
    ModelBundle back = ModelBundle.read(file);
    assertEquals(bundle.pipeline(), back.pipeline());
    double[] expected = bundle.scorer().score(bankRows(bundle));
    double[] actual = back.scorer().score(bankRows(back));
    for (int r = 0; r < expected.length; r++) {
      assertEquals(expected[r], actual[r], 1e-12, sets + " row " + r);
    }
  }

  @ParameterizedTest
  @MethodSource("families")
  void oneThreadAndTwoGiveTheSameScores(List<String> sets) {
    ModelBundle one = trained(sets, 1).bundle();
    ModelBundle two = trained(sets, 2).bundle();
    SparseRows x = bankRows(one);
    assertArrayEquals(one.scorer().score(x), two.scorer().score(x), sets.toString());
  }

  @Test
  void treesAndForestsNeedRawNumbersAndNaiveBayesNonNegativeOnes() {
    assertEquals(PipelineNeeds.RAW, ModelCatalog.type("forest").needs());
    assertEquals(PipelineNeeds.RAW, ModelCatalog.type("tree").needs());
    assertEquals(PipelineNeeds.SCALED, ModelCatalog.type("linear-svm").needs());
    assertEquals(PipelineNeeds.SCALED, ModelCatalog.type("fm").needs());
    assertEquals(
        PipelineNeeds.Numbers.NON_NEGATIVE, ModelCatalog.type("naive-bayes").needs().numbers());
  }

  /** The bank sample's training rows, encoded for a family that needs these numbers. */
  private static dev.precis.data.EncodedData bankTrainingRows(PipelineNeeds needs) {
    var source =
        dev.precis.data.Preparation.Source.read(
            ModelBundleTest.bankConfig("model.type=naive-bayes"), needs);
    return source.fitAndEncode(source.splits().train(), source.splits().train())[0];
  }

  @Test
  void naiveBayesTrainsOnNegativeNumbersOnlyThanksToNonNegativeScaling() {
    var family = new NaiveBayesFamily();
    var params =
        family.params(ModelBundleTest.bankConfig("model.type=naive-bayes").model().params());
    var engine = ModelBundleTest.bankConfig().engine();
    var task = new ResponseTask("y", "yes");
    PrecisException raw =
        assertThrows(
            PrecisException.class,
            () -> family.fit(bankTrainingRows(PipelineNeeds.RAW), null, params, task, engine, 42L));
    assertEquals(1, raw.exitCode());
    ModelArtifact model =
        family.fit(bankTrainingRows(family.needs()), null, params, task, engine, 42L);
    assertInstanceOf(TribuoModelArtifact.class, model);
  }

  @Test
  void linearSvmScoresAreTheLogisticOfItsMargins() {
    ModelBundle svm =
        trained(List.of("model.type=linear-svm", "model.calibration=none"), 1).bundle();
    assertInstanceOf(MarginScorer.class, svm.scorer());
  }

  @Test
  void linearSvmScoresAreCalibratedByDefault() {
    ModelBundle svm = trained(List.of("model.type=linear-svm"), 1).bundle();
    assertEquals(2, svm.models().size(), "the margin model and its Platt calibrator");
  }

  @Test
  void treesAndForestsGetTheFastTreeScorer() {
    assertInstanceOf(TreeScorer.class, trained(List.of("model.type=tree"), 1).bundle().scorer());
    assertInstanceOf(
        TreeScorer.class, trained(families().findFirst().orElseThrow(), 1).bundle().scorer());
  }

  @Test
  void budgetsAreTreesForTheForestAndEpochsForFm() {
    assertEquals("trees", ModelCatalog.type("forest").budget());
    assertEquals("epochs", ModelCatalog.type("fm").budget());
    assertEquals(null, ModelCatalog.type("tree").budget());
  }

  @Test
  void gpuIsAUsageErrorForACpuOnlyFamily() {
    PrecisException e =
        assertThrows(
            PrecisException.class,
            () ->
                ModelTraining.train(
                    ModelBundleTest.bankConfig("model.type=tree", "engine.device=gpu"),
                    dir.resolve("gpu.precis")));
    assertEquals(PrecisException.USAGE, e.exitCode());
    assertTrue(e.getMessage().contains("engine.device"), e.getMessage());
  }
}
