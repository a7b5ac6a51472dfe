package dev.precis.uplift;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precis.config.ConfigLoader;
import dev.precis.config.ConfigOverride;
import dev.precis.config.PrecisConfig;
import dev.precis.data.Preparation;
import dev.precis.data.SparseRows;
import dev.precis.model.ModelBundle;
import dev.precis.model.ModelCatalog;
import dev.precis.train.ModelTraining;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Specifies the uplift models: each approach finds the planted effect (segment B only) and ranks it
 * first; predict writes each arm's probability and the uplift; a bundle scores the same after it is
 * written and read back, and the same on any number of threads.
 */
class UpliftModelsTest {
  @TempDir static Path dir;
  static Path data;
  static Path config;

  @BeforeAll
  static void experiment() throws IOException {
    data = dir.resolve("experiment.csv");
    UpliftFixture.write(data, 5);
    config = UpliftFixture.config(dir, data);
  }

  @ParameterizedTest
  @CsvSource({"two-model, logistic", "single-model, xgboost", "class-transformation, logistic"})
  void eachApproachRanksThePlantedSegmentFirst(String approach, String base) throws IOException {
    List<String> scored =
        UpliftFixture.trainAndPredict(
            dir,
            approach,
            config,
            data,
            List.of("--set", "model.uplift=" + approach, "--model", base),
            "--top-percent",
            "20");
    if (approach.equals("class-transformation")) {
      for (String line : scored.subList(1, scored.size())) {
        String[] cells = line.split(",", -1);
        assertEquals("", cells[1] + cells[2], "no arm probabilities");
      }
    } else {
      UpliftFixture.assertUpliftIsTheArmsDifference(scored);
    }
    UpliftFixture.assertSegmentBRanksFirst(scored, data);
  }

  @Test
  void aTwoModelBundleHoldsBothArmsAndScoresTheSameReadBack() throws IOException {
    ModelTraining.Result result = train("model.type=logistic");
    List<String> names =
        result.bundle().manifest().artifacts().stream().map(a -> a.name()).toList();
    assertTrue(names.contains("treated.model.tribuo") && names.contains("control.model.tribuo"));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    result.bundle().write(bytes);
    ModelBundle back =
        ModelBundle.read(new ByteArrayInputStream(bytes.toByteArray()), "uplift.precis");
    SparseRows rows = rows(result.bundle().config());
    assertArrayEquals(result.bundle().scorer().score(rows), back.scorer().score(rows));
  }

  @Test
  void theSameSeedGivesTheSameUpliftOnOneThreadOrTwo() {
    ModelTraining.Result one =
        train("model.type=xgboost", "model.uplift=two-model", "engine.threads=1");
    ModelTraining.Result two =
        train("model.type=xgboost", "model.uplift=two-model", "engine.threads=2");
    SparseRows rows = rows(one.bundle().config());
    double[] a = one.bundle().scorer().score(rows);
    assertArrayEquals(a, two.bundle().scorer().score(rows));
    assertTrue(Arrays.stream(a).distinct().count() > 10, "the scores vary");
  }

  private static ModelTraining.Result train(String... sets) {
    List<ConfigOverride> overrides = Arrays.stream(sets).map(ConfigOverride::parseSet).toList();
    PrecisConfig resolved = new ConfigLoader(ModelCatalog::complete).load(config, overrides);
    return ModelTraining.train(resolved, dir.resolve("memory.precis"));
  }

  /** The experiment's training rows, encoded as the bundles were. */
  private static SparseRows rows(PrecisConfig bundleConfig) {
    PrecisConfig config = bundleConfig;
    return Preparation.run(config, ModelCatalog.type(config.model().type()).needs())
        .data()
        .train()
        .x();
  }
}
