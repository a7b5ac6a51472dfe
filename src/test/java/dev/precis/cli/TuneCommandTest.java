package dev.precis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Specifies `precis tune`: the ranked leaderboard, a best.yaml that train takes, reproducibility,
 * and space checks.
 */
class TuneCommandTest {
  private static final String DATA = "sample-data/bank/bank-additional.csv";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A logistic search tuned once; tests only read it. */
  @TempDir static Path shared;

  private static Path logisticTune;

  @TempDir Path tmp;

  @BeforeAll
  static void tuneLogistic() {
    logisticTune = shared.resolve("logistic");
    assertSucceeded(tune(logisticTune));
  }

  @Test
  void logisticTuneWritesLeaderboardRankedByMeanTest() throws IOException {
    JsonNode leaderboard = TuneSearchTest.leaderboard(logisticTune);
    assertEquals("precis.tune/2", leaderboard.path("schema").asText());
    JsonNode trials = leaderboard.path("trials");
    assertEquals(3, trials.size(), trials.toString());
    for (int i = 0; i < trials.size(); i++) {
      JsonNode trial = trials.get(i);
      assertEquals(i + 1, trial.path("rank").asInt(), trials.toString());
      assertEquals(3, trial.path("folds").size(), trial.toString());
      double foldMean = 0;
      for (JsonNode fold : trial.path("folds")) {
        foldMean += fold.asDouble() / trial.path("folds").size();
      }
      assertEquals(foldMean, trial.path("mean").asDouble(), 1e-12, trial.toString());
      if (i > 0) {
        assertTrue(
            trial.path("mean").asDouble() <= trials.get(i - 1).path("mean").asDouble(),
            trials.toString());
      }
    }
    assertTrue(Files.isRegularFile(logisticTune.resolve("best.yaml")));
  }

  @Test
  void bestYamlTrainsTheTopTrialAsIsTest() throws IOException {
    Path bundle = tmp.resolve("best.precis");
    CliRun train =
        CliRun.precis(
            "train",
            "--config",
            logisticTune.resolve("best.yaml").toString(),
            "--out",
            bundle.toString(),
            "--json");
    assertSucceeded(train);
    JsonNode topParams = TuneSearchTest.leaderboard(logisticTune).at("/trials/0/params");
    assertEquals(topParams, JSON.readTree(train.out()).at("/config/model/params"));
  }

  @Test
  void parallelismDoesNotChangeTheLeaderboardTest() throws IOException {
    Path oneAtATime = tmp.resolve("parallel1");
    Path twoAtATime = tmp.resolve("parallel2");
    assertSucceeded(tune(oneAtATime, "--set", "tune.parallel=1"));
    assertSucceeded(tune(twoAtATime, "--set", "tune.parallel=2"));
    assertEquals(TuneSearchTest.results(oneAtATime), TuneSearchTest.results(twoAtATime));
  }

  @Test
  void mlpWithATinySpaceRanksTwoTrialsTest() throws IOException {
    Path dir = tmp.resolve("mlp");
    CliRun run =
        CliRun.precis(
            "tune",
            "--data",
            DATA,
            "--target",
            "y",
            "--set",
            "data.drop=[duration]",
            "--model",
            "mlp",
            "--trials",
            "2",
            "--folds",
            "2",
            "--set",
            "tune.space={epochs: [2, 3], hidden: [[8]]}",
            "--out",
            dir.toString());
    assertSucceeded(run);
    JsonNode trials = TuneSearchTest.leaderboard(dir).path("trials");
    assertEquals(2, trials.size(), trials.toString());
    for (int i = 0; i < trials.size(); i++) {
      JsonNode trial = trials.get(i);
      assertEquals(i + 1, trial.path("rank").asInt(), trials.toString());
      assertEquals("[8]", trial.at("/params/hidden").toString(), trial.toString());
      assertTrue(Set.of(2, 3).contains(trial.at("/params/epochs").asInt()), trial.toString());
    }
  }

  @Test
  void unknownSpaceParameterExitsTwoNamingItTest() {
    Path dir = tmp.resolve("never");
    CliRun run = tune(dir, "--set", "tune.space={epocs: [1,2]}");
    assertEquals(2, run.exitCode(), run.transcript());
    assertTrue(run.err().contains("tune.space.epocs"), run.transcript());
    assertFalse(Files.exists(dir), dir + " was written");
  }

  /** A fast logistic search of the 10% bank sample into {@code dir}: 3 trials of 3 folds. */
  private static CliRun tune(Path dir, String... extra) {
    return CliRun.tune(
        dir,
        CliRun.concat(
            List.of("--set", "data.drop=[duration]", "--trials", "3", "--folds", "3"), extra));
  }

  private static void assertSucceeded(CliRun run) {
    assertEquals(0, run.exitCode(), run.transcript());
  }
}
