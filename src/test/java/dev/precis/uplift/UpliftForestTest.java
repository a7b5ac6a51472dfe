package dev.precis.uplift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.precis.cli.CliRun;
import dev.precis.model.ArtifactKinds;
import dev.precis.model.UpliftForest;
import dev.precis.train.ModelTraining;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Specifies the uplift random forest (model.uplift: forest, model.type: uplift-forest) on the
 * planted-effect experiment of {@link UpliftFixture}: it ranks segment B first, predict writes each
 * arm's probability beside the uplift, and its bundle scores the same read back and on any number
 * of threads.
 */
class UpliftForestTest {
  private static final String[] FOREST = {
    "model.uplift=forest", "model.type=uplift-forest", "model.params={trees: 24, min_leaf: 40}"
  };

  @TempDir static Path dir;
  static Path data;
  static Path config;

  @BeforeAll
  static void experiment() throws IOException {
    data = dir.resolve("experiment.csv");
    UpliftFixture.write(data, 5);
    config = UpliftFixture.config(dir, data);
  }

  @Test
  void theForestRanksThePlantedSegmentFirst() throws IOException {
    List<String> scored =
        UpliftFixture.trainAndPredict(
            dir, "forest", config, data, sets(FOREST), "--top-percent", "20");
    UpliftFixture.assertUpliftIsTheArmsDifference(scored);
    UpliftFixture.assertSegmentBRanksFirst(scored, data);
  }

  @Test
  void theSameSeedGivesTheSameForestOnOneThreadOrThree() {
    ModelTraining.Result one = train("engine.threads=1");
    ModelTraining.Result three = train("engine.threads=3");
    UpliftFixture.assertSameScores(one.bundle(), three.bundle());
  }

  @Test
  void aForestBundleScoresTheSameReadBack() throws IOException {
    ModelTraining.Result result = train();
    assertTrue(
        result.bundle().manifest().artifacts().stream()
            .anyMatch(a -> a.name().equals("uplift-forest.json")));
    UpliftFixture.assertScoresTheSameReadBack(result.bundle());
  }

  /** A child that points back up the tree would make scoring loop: such a file is refused. */
  @Test
  void aTreeWhoseSplitPointsBackIsRefused() {
    String json =
        "{\"width\":1,\"trees\":[{\"feature\":[0,-1],\"threshold\":[0.5,0],\"left\":[1,0],"
            + "\"right\":[0,0],\"treated\":[0.2,0.3],\"control\":[0.1,0.1]}]}";
    IOException refused =
        assertThrows(
            IOException.class,
            () ->
                ArtifactKinds.loader(UpliftForest.KIND)
                    .orElseThrow()
                    .load("uplift-forest.json", json.getBytes(StandardCharsets.UTF_8)));
    assertTrue(refused.getMessage().contains("node 0"), refused.getMessage());
  }

  @Test
  void theForestAndModelUpliftForestGoTogether() {
    CliRun base =
        CliRun.precis(
            "train", "--config", config.toString(), "--set", FOREST[0], "--out", "-", "--quiet");
    assertEquals(2, base.exitCode(), base.transcript());
    assertTrue(
        base.err().contains("model.type") && base.err().contains("uplift-forest"), base.err());
    CliRun wrapped =
        CliRun.precis(
            "train", "--config", config.toString(), "--set", FOREST[1], "--out", "-", "--quiet");
    assertEquals(2, wrapped.exitCode(), wrapped.transcript());
    assertTrue(wrapped.err().contains("model.uplift: forest"), wrapped.err());
  }

  @Test
  void tuneSearchesTheForestsOwnParameters() throws IOException {
    Path out = dir.resolve("tuned");
    CliRun tune = tune(out, "tune.models=[uplift-forest]");
    assertEquals(0, tune.exitCode(), tune.transcript());
    JsonNode board = new ObjectMapper().readTree(out.resolve("leaderboard.json").toFile());
    assertEquals("qini", board.path("metric").asText());
    assertEquals(3, board.path("trials").size(), board.toString());
    for (JsonNode trial : board.path("trials")) {
      assertTrue(trial.path("params").has("min_leaf"), trial.toString());
    }
  }

  @Test
  void tuneRefusesABaseLearnerBesideTheForest() {
    CliRun tune = tune(dir.resolve("mixed"), "tune.models=[uplift-forest, logistic]");
    assertEquals(2, tune.exitCode(), tune.transcript());
    assertTrue(tune.err().contains("tune.models[1]"), tune.err());
  }

  private static CliRun tune(Path out, String models) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "tune",
                "--config",
                config.toString(),
                "--strategy",
                "random",
                "--trials",
                "3",
                "--folds",
                "2",
                "--out",
                out.toString(),
                "--quiet"));
    args.addAll(sets(FOREST[0], FOREST[1], "model.params={trees: 8, min_leaf: 40}", models));
    return CliRun.precis(args);
  }

  /** Each value after its own --set. */
  private static List<String> sets(String... values) {
    return Arrays.stream(values).flatMap(value -> Stream.of("--set", value)).toList();
  }

  private static ModelTraining.Result train(String... sets) {
    return UpliftFixture.train(
        dir, config, Stream.concat(Arrays.stream(FOREST), Arrays.stream(sets)).toList());
  }
}
