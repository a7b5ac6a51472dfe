package dev.precis.uplift;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precis.cli.CliRun;
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
import java.nio.file.Files;
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
    Path bundle = dir.resolve(approach + ".precis");
    CliRun train =
        CliRun.precis(
            "train",
            "--config",
            config.toString(),
            "--set",
            "model.uplift=" + approach,
            "--model",
            base,
            "--out",
            bundle.toString(),
            "--quiet");
    assertEquals(0, train.exitCode(), train.transcript());
    Path scored = dir.resolve(approach + ".csv");
    CliRun predict =
        CliRun.precis(
            "predict",
            "--model",
            bundle.toString(),
            "--data",
            data.toString(),
            "--top-percent",
            "20",
            "--out",
            scored.toString(),
            "--quiet");
    assertEquals(0, predict.exitCode(), predict.transcript());
    List<String> lines = Files.readAllLines(scored);
    assertEquals("id,p_treated,p_control,uplift,decile,selected", lines.get(0));
    List<String[]> input =
        Files.readAllLines(data).stream().skip(1).map(l -> l.split(",")).toList();
    double upliftB = 0;
    double upliftOther = 0;
    long selected = 0;
    long selectedB = 0;
    for (int i = 1; i < lines.size(); i++) {
      String[] cells = lines.get(i).split(",", -1);
      boolean b = input.get(i - 1)[2].equals("B");
      double uplift = Double.parseDouble(cells[3]);
      upliftB += b ? uplift : 0;
      upliftOther += b ? 0 : uplift;
      if (cells[5].equals("1")) {
        selected++;
        selectedB += b ? 1 : 0;
      }
      if (approach.equals("class-transformation")) {
        assertEquals("", cells[1] + cells[2], "no arm probabilities");
      } else {
        double difference = Double.parseDouble(cells[1]) - Double.parseDouble(cells[2]);
        assertEquals(difference, uplift, 2.5e-6, lines.get(i));
      }
    }
    long rowsB = input.stream().filter(r -> r[2].equals("B")).count();
    upliftB /= rowsB;
    upliftOther /= input.size() - rowsB;
    assertTrue(upliftB > upliftOther + 0.15, upliftB + " vs " + upliftOther);
    assertTrue(selectedB > 0.9 * selected, selectedB + " of " + selected + " selected are B");
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
