package dev.precis.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precis.config.PrecisConfig;
import dev.precis.data.DataSource;
import dev.precis.data.EncodedData;
import dev.precis.data.PipelineNeeds;
import dev.precis.data.PreparedData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Specifies the mlp's {@code members} on the bank sample: the first member is the mlp of the run's
 * seed, the others start from seeds of their own, the ensemble scores the mean of their
 * probabilities, and it saves and reads back as it scored.
 */
class MlpEnsembleTest {
  private static PreparedData data;
  private static Task task;
  private static MlpArtifact single;
  private static MlpArtifact three;

  @BeforeAll
  static void fit() {
    PrecisConfig config = ModelBundleTest.bankConfig("model.type=mlp");
    data = DataSource.open(config, PipelineNeeds.SCALED).split();
    task = Task.of(config);
    single = fit(data.valid(), 1);
    three = fit(data.valid(), 3);
  }

  /** A small, quick mlp of so many members. */
  private static MlpArtifact fit(EncodedData valid, int members) {
    return MlpFamilyTest.fit(
        data,
        task,
        valid,
        2,
        "model.params.hidden=[8]",
        "model.params.epochs=8",
        "model.params.learning_rate=0.05",
        "model.params.patience=1",
        "model.params.members=" + members);
  }

  private static double[] testScores(ModelArtifact model) {
    return model.scorer(data.test().featureNames()).score(data.test().x());
  }

  @Test
  void theFirstMemberIsTheMlpOfTheSeedAndTheOthersDiffer() {
    assertEquals(1, single.networks().size());
    assertEquals(3, three.networks().size());
    MlpNetwork first = three.networks().get(0);
    for (int l = 0; l < first.layers().size(); l++) {
      assertArrayEquals(
          single.networks().get(0).layers().get(l).weights(), first.layers().get(l).weights());
    }
    for (MlpNetwork other : three.networks().subList(1, 3)) {
      assertFalse(
          Arrays.equals(first.layers().get(0).weights(), other.layers().get(0).weights()),
          "a member trained from the seed of another");
    }
    assertFalse(
        Arrays.equals(
            three.networks().get(1).layers().get(0).weights(),
            three.networks().get(2).layers().get(0).weights()));
  }

  @Test
  void anEnsembleScoresTheMeanOfItsMembersProbabilities() {
    double[] ensemble = testScores(three);
    double[][] members =
        three.networks().stream()
            .map(network -> testScores(new MlpArtifact("m", List.of(network), Map.of())))
            .toArray(double[][]::new);
    for (int r = 0; r < ensemble.length; r++) {
      double mean = (members[0][r] + members[1][r] + members[2][r]) / 3;
      assertEquals(mean, ensemble[r], 1e-12, "row " + r);
    }
    assertArrayEquals(testScores(single), members[0]);
  }

  @Test
  void theFitSummarySaysEachMembersEpochsAndTheirMeanBestEpoch() {
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> members =
        (List<Map<String, Object>>) three.fitSummary().get("members");
    assertEquals(3, members.size());
    assertEquals(single.fitSummary(), members.get(0));
    assertFalse(single.fitSummary().containsKey("members"));
    double meanBest =
        members.stream().mapToInt(member -> (int) member.get("best_epoch")).average().orElseThrow();
    assertEquals((int) Math.round(meanBest), three.fitSummary().get("best_epoch"));
    for (Map<String, Object> member : members) {
      assertTrue(
          (int) member.get("epochs_run") >= (int) member.get("best_epoch"), member.toString());
    }
  }

  @Test
  void anEnsembleSavesAsFormatTwoAndScoresTheSameReadBack() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    three.save(bytes);
    assertTrue(
        bytes.toString(StandardCharsets.UTF_8).startsWith("{\n  \"format\" : 2,"),
        bytes.toString(StandardCharsets.UTF_8).substring(0, 40));
    ModelArtifact back = MlpArtifact.load(three.name(), bytes.toByteArray());
    assertArrayEquals(testScores(three), testScores(back));
  }

  @Test
  void oneNetworkStillSavesAsFormatOne() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    single.save(bytes);
    assertTrue(bytes.toString(StandardCharsets.UTF_8).startsWith("{\n  \"format\" : 1,"));
    assertArrayEquals(testScores(single), testScores(MlpArtifact.load("m", bytes.toByteArray())));
  }

  @Test
  void anEnsembleOfNoNetworksIsRefused() {
    byte[] empty = "{\"format\": 2, \"network\": []}".getBytes(StandardCharsets.UTF_8);
    assertThrows(IOException.class, () -> MlpArtifact.load(MlpArtifact.MODEL, empty));
    byte[] three = "{\"format\": 3, \"network\": []}".getBytes(StandardCharsets.UTF_8);
    assertThrows(IOException.class, () -> MlpArtifact.load(MlpArtifact.MODEL, three));
  }
}
