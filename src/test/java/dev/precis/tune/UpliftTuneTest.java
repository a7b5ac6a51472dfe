package dev.precis.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.precis.cli.CliRun;
import dev.precis.config.ConfigLoader;
import dev.precis.config.ConfigOverride;
import dev.precis.config.PrecisConfig;
import dev.precis.data.DataSource;
import dev.precis.data.DataSource.Fold;
import dev.precis.data.EncodedData;
import dev.precis.eval.Gates;
import dev.precis.eval.UpliftScores;
import dev.precis.model.ModelArtifact;
import dev.precis.model.ModelCatalog;
import dev.precis.model.Task;
import dev.precis.model.UpliftFit;
import dev.precis.model.UpliftTask;
import dev.precis.report.TuneReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Specifies `tune` under task uplift: folds stratified by arm and outcome, each trial fitted as
 * train fits an uplift model and ranked by an uplift metric of its held-out folds (Qini AUC by
 * default), a refit bundle that predict scores, tune.metric checked against the task, and a
 * leaderboard that does not depend on the number of trials at once. Rows: the first 3,000 of the
 * Hillstrom sample's train.csv (about 2,000 in the two arms compared).
 */
class UpliftTuneTest {
  private static final Path CONFIG = Path.of("sample-data/hillstrom/hillstrom.yaml");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  static Path data;

  @BeforeAll
  static void subset() throws IOException {
    data = dir.resolve("hillstrom-3000.csv");
    try (Stream<String> lines = Files.lines(Path.of("sample-data/hillstrom/train.csv"))) {
      Files.write(data, lines.limit(3001).toList());
    }
  }

  @Test
  void everyFoldKeepsEachArmAndOutcomeCellInProportionTest() {
    PrecisConfig config = config();
    List<Fold> folds =
        DataSource.open(config, ModelCatalog.type("logistic").needs()).searchFolds(2, 42);
    long[] all = cells(folds.get(0).valid());
    long[] other = cells(folds.get(1).valid());
    for (int c = 0; c < 4; c++) {
      all[c] += other[c];
    }
    for (Fold fold : folds) {
      long[] held = cells(fold.valid());
      for (int c = 0; c < 4; c++) {
        assertTrue(held[c] > 0, "cell " + c + " empty in a fold");
        assertTrue(
            Math.abs(2 * held[c] - all[c]) <= 1, "cell " + c + ": " + held[c] + " of " + all[c]);
      }
      // the rows a trial watches are carved by arm and outcome too
      CrossValidation.FoldRows carved = CrossValidation.carve(List.of(fold), 0.1, 42).get(0);
      long[] watched = cells(carved.valid());
      long[] train = cells(fold.train());
      for (int c = 0; c < 4; c++) {
        assertEquals(Math.round(train[c] * 0.1), watched[c], "watched cell " + c);
      }
    }
  }

  @Test
  void aTrialsFoldValuesAreTheQiniAucOfItsUpliftFitOnTheHeldOutRowsTest()
      throws CrossValidation.Cancelled {
    PrecisConfig config = config();
    assertEquals("qini", config.tune().metric(), "the default under task uplift");
    SearchSpace space = SearchSpace.of(config);
    var engine = Parallelism.trialEngine(config);
    CrossValidation validation = CrossValidation.of(config, space, engine);
    FamilySpace family = space.families().get(0);
    Candidate candidate = Candidate.full(3, family, family.sample(new java.util.Random(7)));
    TuneReport.Trial trial = validation.evaluate(candidate, () -> false);
    assertEquals(2, trial.folds().size());

    // the folds again, fitted and scored here, step by step
    var split = config.prep().split();
    List<CrossValidation.FoldRows> folds =
        CrossValidation.carve(
            DataSource.open(config, family.type().needs()).searchFolds(2, config.seed()),
            split.valid() / (1 - split.test()),
            config.seed());
    UpliftTask task = (UpliftTask) Task.of(config);
    List<Double> expected = new ArrayList<>();
    for (CrossValidation.FoldRows fold : folds) {
      List<ModelArtifact> models =
          UpliftFit.fit(
              task,
              family.type().fitter(candidate.params()),
              fold.fit(),
              fold.valid(),
              engine,
              config.seed() + candidate.number());
      EncodedData scored = fold.scored();
      double[] uplift = task.scorer(models, scored.featureNames()).score(scored.x());
      expected.add(UpliftScores.of(uplift, scored.treated(), scored.y()).qiniAuc());
    }
    for (int f = 0; f < 2; f++) {
      assertEquals(expected.get(f), trial.folds().get(f), 1e-12, "fold " + f);
    }
    assertEquals((expected.get(0) + expected.get(1)) / 2, trial.mean(), 1e-12);
    assertTrue(trial.mean() > 0 && trial.mean() < 0.5, "a Qini AUC, not an AUC: " + trial.mean());
  }

  @Test
  void theRefitBestIsAnUpliftBundleThatPredictScoresTest() throws IOException {
    Path out = dir.resolve("refit");
    CliRun tune = tune(out, "--refit");
    assertEquals(0, tune.exitCode(), tune.transcript());
    JsonNode board = JSON.readTree(out.resolve("leaderboard.json").toFile());
    assertEquals("qini", board.path("metric").asText());
    assertEquals(3, board.path("trials").size());
    for (JsonNode trial : board.path("trials")) {
      assertEquals(2, trial.path("folds").size(), trial.toString());
    }
    assertTrue(
        Files.readString(out.resolve("best.yaml")).contains("uplift: two-model"),
        "best.yaml keeps the approach");
    JsonNode refit = JSON.readTree(out.resolve("best.train-report.json").toFile());
    assertEquals(
        board.at("/trials/0/params"), refit.at("/config/model/params"), "the top trial refitted");
    assertEquals("uplift", refit.at("/config/task").asText());

    Path scored = dir.resolve("refit-scored.csv");
    CliRun predict = CliRun.predict(out.resolve("best.precis"), data, scored);
    assertEquals(0, predict.exitCode(), predict.transcript());
    List<String> lines = Files.readAllLines(scored);
    assertTrue(lines.get(0).startsWith("p_treated,p_control,uplift"), lines.get(0));
    assertEquals(3000, lines.size() - 1);
  }

  @Test
  void tuneMetricMustBeTheTasksOwnTest() {
    CliRun response = tune(dir.resolve("auc"), "--set", "tune.metric=auc");
    assertEquals(2, response.exitCode(), response.transcript());
    assertTrue(response.err().contains("tune.metric"), response.err());
    assertTrue(response.err().contains("qini"), response.err());
    assertEquals(1, response.err().strip().lines().count(), response.err());

    CliRun typo = tune(dir.resolve("typo"), "--set", "tune.metric=qinii");
    assertEquals(2, typo.exitCode(), typo.transcript());
    assertTrue(typo.err().contains("did you mean 'qini'"), typo.err());

    CliRun uplift =
        CliRun.tune(dir.resolve("qini-on-bank"), "--set", "tune.metric=qini", "--trials", "1");
    assertEquals(2, uplift.exitCode(), uplift.transcript());
    assertTrue(uplift.err().contains("tune.metric"), uplift.err());
    assertTrue(uplift.err().contains("task: uplift"), uplift.err());
    assertFalse(Gates.metrics().contains("qini"));
  }

  @Test
  void foldsThatCannotEachHoldEveryArmAndOutcomeAreADataErrorTest() {
    // about 130 responders in the control arm: too few for 150 folds, though 300-odd responders
    // in all would do for a response
    CliRun tune =
        CliRun.withConfig("tune", CONFIG, data, dir.resolve("many-folds"), "--folds", "150");
    assertEquals(3, tune.exitCode(), tune.transcript());
    assertTrue(tune.err().contains("responders of the control arm"), tune.err());
    assertTrue(tune.err().contains("tune.folds"), tune.err());
  }

  @Test
  void aPrepDirectoryIsRefusedForItKeepsNoArmTest() {
    Path prepared = dir.resolve("prepared");
    CliRun prep = CliRun.withConfig("prep", CONFIG, data, prepared);
    assertEquals(0, prep.exitCode(), prep.transcript());
    CliRun tune = CliRun.withConfig("tune", CONFIG, prepared, dir.resolve("from-prep"));
    assertEquals(2, tune.exitCode(), tune.transcript());
    assertTrue(tune.err().contains("data.path"), tune.err());
    assertTrue(tune.err().contains("raw file"), tune.err());
  }

  @Test
  void theLeaderboardByUpliftAt30IsTheSameOnOneTrialAtATimeOrThreeTest() throws IOException {
    List<JsonNode> boards = new ArrayList<>();
    for (String parallel : List.of("1", "3")) {
      Path out = dir.resolve("parallel-" + parallel);
      CliRun tune =
          tune(out, "--set", "tune.metric=uplift@30", "--set", "tune.parallel=" + parallel);
      assertEquals(0, tune.exitCode(), tune.transcript());
      JsonNode board = JSON.readTree(out.resolve("leaderboard.json").toFile());
      assertEquals("uplift@30", board.path("metric").asText());
      List<String> ranking = new ArrayList<>();
      for (JsonNode trial : board.path("trials")) {
        ranking.add(trial.path("trial") + " " + trial.path("params") + " " + trial.path("folds"));
      }
      boards.add(JSON.valueToTree(ranking));
    }
    assertEquals(boards.get(0), boards.get(1));
  }

  /** {@code tune} of the subset, 3 trials on 2 folds, with more options after these. */
  private static CliRun tune(Path out, String... options) {
    return CliRun.withConfig(
        "tune",
        CONFIG,
        data,
        out,
        CliRun.concat(List.of("--trials", "3", "--folds", "2"), options));
  }

  private static PrecisConfig config() {
    return new ConfigLoader(c -> SearchSpace.validate(Gates.validate(ModelCatalog.complete(c))))
        .load(
            CONFIG,
            List.of(
                ConfigOverride.parseSet("data.path=" + data),
                ConfigOverride.parseSet("tune.folds=2")));
  }

  /** Rows per cell: control non-responders, control responders, treated ..., treated ... */
  private static long[] cells(EncodedData rows) {
    long[] cells = new long[4];
    for (int i = 0; i < rows.rows(); i++) {
      cells[(rows.treated()[i] ? 2 : 0) + (rows.y()[i] ? 1 : 0)]++;
    }
    return cells;
  }
}
