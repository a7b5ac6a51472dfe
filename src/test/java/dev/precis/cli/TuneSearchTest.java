package dev.precis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Specifies tune's strategies on the bank sample: a search across model types whose best.yaml and
 * refitted bundle work, successive halving, TPE, and the time budget.
 */
class TuneSearchTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path shared;

  /** logistic and a tiny mlp, searched together with --refit. */
  private static Path acrossTypes;

  @TempDir Path tmp;

  @BeforeAll
  static void tuneAcrossTypes() {
    acrossTypes = shared.resolve("across");
    succeeded(
        tune(
            acrossTypes,
            "--trials",
            "4",
            "--set",
            "tune.models=[logistic, mlp]",
            "--set",
            "tune.space={mlp: {epochs: [1, 2], hidden: [[4]]}, logistic: {epochs: [2, 5]}}",
            "--refit"));
  }

  @Test
  void aSearchAcrossTypesRanksTrialsOfEachTest() throws IOException {
    JsonNode board = leaderboard(acrossTypes);
    assertEquals("precis.tune/2", board.path("schema").asText());
    assertEquals("[\"logistic\",\"mlp\"]", board.path("models").toString());
    Set<String> families = new HashSet<>();
    double previous = Double.POSITIVE_INFINITY;
    for (JsonNode trial : board.path("trials")) {
      families.add(trial.path("family").asText());
      assertTrue(trial.path("mean").asDouble() <= previous, board.toString());
      previous = trial.path("mean").asDouble();
      assertEquals(2, trial.path("folds").size(), trial.toString());
    }
    assertEquals(Set.of("logistic", "mlp"), families);
    assertEquals("finished", board.at("/stop/reason").asText());
    assertEquals(4, board.at("/stop/trials_run").asInt());
  }

  @Test
  void bestYamlTrainsTheTopTrialsTypeAndParamsTest() throws IOException {
    Path bundle = tmp.resolve("best.precis");
    CliRun train =
        CliRun.precis(
            "train",
            "--config",
            acrossTypes.resolve("best.yaml").toString(),
            "--out",
            bundle.toString(),
            "--json",
            "-q");
    succeeded(train);
    JsonNode top = leaderboard(acrossTypes).at("/trials/0");
    JsonNode trained = JSON.readTree(train.out()).at("/config/model");
    assertEquals(top.path("family"), trained.path("type"));
    assertEquals(top.path("params"), trained.path("params"));
  }

  @Test
  void refitWritesABestBundleThatPredictScoresTest() throws IOException {
    Path bundle = acrossTypes.resolve("best.precis");
    assertTrue(Files.isRegularFile(acrossTypes.resolve("best.train-report.json")));
    Path scores = tmp.resolve("scores.csv");
    succeeded(
        CliRun.precis(
            "predict",
            "--model",
            bundle.toString(),
            "--data",
            BankData.CSV.toString(),
            "--out",
            scores.toString(),
            "-q"));
    assertEquals(BankData.ROWS + 1, Files.readAllLines(scores).size());
    JsonNode report = JSON.readTree(acrossTypes.resolve("best.train-report.json").toFile());
    assertEquals(
        leaderboard(acrossTypes).at("/trials/0/params"), report.at("/config/model/params"));
  }

  @Test
  void halvingGivesTheBestThirdOfEachRungThreeTimesTheEpochsTest() throws IOException {
    Path dir = tmp.resolve("halving");
    succeeded(
        tune(
            dir,
            "--strategy",
            "halving",
            "--trials",
            "9",
            "--set",
            "model.params.epochs=9",
            "--set",
            "tune.space={learning_rate: {min: 0.001, max: 1, log: true}}"));
    JsonNode board = leaderboard(dir);
    assertEquals(13, board.at("/stop/trials_planned").asInt());
    List<List<JsonNode>> rungs = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    for (JsonNode trial : board.path("trials")) {
      rungs.get(trial.path("rung").asInt()).add(trial);
    }
    assertEquals(List.of(9, 3, 1), rungs.stream().map(List::size).toList());
    int[] epochs = {1, 3, 9};
    for (int r = 0; r < 3; r++) {
      for (JsonNode trial : rungs.get(r)) {
        assertEquals(epochs[r], trial.at("/params/epochs").asInt(), trial.toString());
      }
    }
    // Each rung goes on with the best of the one before: the leaderboard ranks them first.
    for (int r = 1; r < 3; r++) {
      for (int i = 0; i < rungs.get(r).size(); i++) {
        assertEquals(
            rungs.get(r - 1).get(i).at("/params/learning_rate"),
            rungs.get(r).stream()
                .map(t -> t.at("/params/learning_rate"))
                .filter(rungs.get(r - 1).get(i).at("/params/learning_rate")::equals)
                .findFirst()
                .orElseThrow(() -> new AssertionError(board.toString())));
      }
    }
    assertEquals(2, board.at("/trials/0/rung").asInt(), "the full-budget trial ranks first");
  }

  @Test
  void tpeGivesTheSameLeaderboardWhateverTheParallelismTest() throws IOException {
    Path one = tmp.resolve("tpe1");
    Path two = tmp.resolve("tpe2");
    String[] tpe = {"--strategy", "tpe", "--trials", "8"};
    succeeded(tune(one, CliRun.concat(List.of(tpe), "--set", "tune.parallel=1")));
    succeeded(tune(two, CliRun.concat(List.of(tpe), "--set", "tune.parallel=2")));
    assertEquals(results(one), results(two));
    assertEquals(8, results(one).size());
  }

  @Test
  void aTimeBudgetStopsTheSearchAndSaysSoTest() throws IOException {
    Path dir = tmp.resolve("budget");
    CliRun run =
        CliRun.precis(
            "tune",
            "--data",
            BankData.CSV.toString(),
            "--target",
            "y",
            "--trials",
            "500",
            "--folds",
            "2",
            "--time-budget",
            "1s",
            "--set",
            "tune.parallel=1",
            "--out",
            dir.toString());
    succeeded(run);
    JsonNode board = leaderboard(dir);
    assertEquals("time_budget", board.at("/stop/reason").asText(), board.path("stop").toString());
    int ran = board.at("/stop/trials_run").asInt();
    assertTrue(ran >= 1 && ran < 500, board.path("stop").toString());
    assertEquals(ran, board.path("trials").size());
    assertTrue(run.err().contains("time_budget ran out"), run.err());
  }

  /** A two-fold search of the bank sample into {@code dir}. */
  private static CliRun tune(Path dir, String... extra) {
    return CliRun.tune(
        dir, CliRun.concat(List.of("--set", "data.drop=[duration]", "--folds", "2"), extra));
  }

  static JsonNode leaderboard(Path dir) throws IOException {
    return JSON.readTree(dir.resolve("leaderboard.json").toFile());
  }

  /** The ranked trials without their wall times. */
  static List<JsonNode> results(Path dir) throws IOException {
    List<JsonNode> results = new ArrayList<>();
    for (JsonNode trial : leaderboard(dir).path("trials")) {
      ObjectNode result = trial.deepCopy();
      result.remove("fit_seconds");
      results.add(result);
    }
    return results;
  }

  static void succeeded(CliRun run) {
    assertEquals(0, run.exitCode(), run.transcript());
  }
}
