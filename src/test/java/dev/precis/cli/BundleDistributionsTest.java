package dev.precis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.precis.io.InputFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Specifies what a bundle keeps of its training data for measuring drift later: distributions.json,
 * listed and digested in the manifest, with deciles of each numeric feature and the share of each
 * 0/1 feature; and the boolean step, a 0/1 feature and a missing indicator applied alike by train
 * and predict.
 */
class BundleDistributionsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void bundleKeepsEachFeaturesTrainingDistributionListedInItsManifest() throws IOException {
    Path model = dir.resolve("model.precis");
    CliRun run = CliRun.train(BankData.CSV, model, "--set", "prep.missing.tokens=[unknown]", "-q");
    assertEquals(0, run.exitCode(), run.transcript());
    try (ZipFile zip = new ZipFile(model.toFile())) {
      byte[] bytes = zip.getInputStream(zip.getEntry("distributions.json")).readAllBytes();
      JsonNode manifest = JSON.readTree(zip.getInputStream(zip.getEntry("manifest.json")));
      JsonNode listed = null;
      for (JsonNode artifact : manifest.path("artifacts")) {
        if (artifact.path("name").asText().equals("distributions.json")) {
          listed = artifact;
        }
      }
      assertNotNull(listed, manifest.toString());
      assertEquals("feature-distributions", listed.path("kind").asText());
      assertEquals(InputFile.sha256(bytes), listed.path("sha256").asText());

      JsonNode distributions = JSON.readTree(bytes);
      assertEquals("precis.distributions/1", distributions.path("schema").asText());
      JsonNode age = feature(distributions, "age");
      assertNull(age.get("share"));
      assertEquals(11, age.path("deciles").size());
      for (int d = 1; d < 11; d++) {
        assertTrue(
            age.path("deciles").get(d).asDouble() >= age.path("deciles").get(d - 1).asDouble());
      }
      // about a quarter of the customers are in admin. jobs
      double admin = feature(distributions, "job=admin.").path("share").asDouble();
      assertTrue(admin > 0.2 && admin < 0.3, String.valueOf(admin));
    }
    // the entry is not a model: the bundle still scores
    CliRun predict =
        CliRun.precis(
            "predict",
            "--model",
            model.toString(),
            "--data",
            BankData.CSV.toString(),
            "--out",
            dir.resolve("scores.csv").toString(),
            "-q");
    assertEquals(0, predict.exitCode(), predict.transcript());
  }

  @Test
  void booleanColumnIsOneFeatureAndAMissingIndicatorInTrainAndPredict() throws IOException {
    List<String> lines =
        BankData.withColumn(
            BankData.lines(), "mobile", row -> row % 11 == 0 ? "" : row % 3 == 0 ? "Y" : "N");
    Path data = BankData.write(dir.resolve("mobile.csv"), lines);
    Path model = dir.resolve("model.precis");
    // with blanks it would be inferred categorical (three states): declared, it is boolean
    CliRun run = CliRun.train(data, model, "--set", "data.types.mobile=boolean", "-q");
    assertEquals(0, run.exitCode(), run.transcript());
    try (ZipFile zip = new ZipFile(model.toFile())) {
      JsonNode pipeline = JSON.readTree(zip.getInputStream(zip.getEntry("pipeline.json")));
      JsonNode step = null;
      for (JsonNode s : pipeline.path("steps")) {
        if (s.path("name").asText().equals("mobile")) {
          step = s;
        }
      }
      assertNotNull(step, pipeline.toString());
      assertEquals("boolean", step.path("step").asText());
      assertTrue(step.path("indicator").asBoolean());
      JsonNode distributions =
          JSON.readTree(zip.getInputStream(zip.getEntry("distributions.json")));
      // 1 in 3 rows says Y, of the 10 in 11 that say anything
      assertEquals(10.0 / 11 / 3, feature(distributions, "mobile").path("share").asDouble(), 0.03);
      assertEquals(
          1.0 / 11, feature(distributions, "mobile:missing").path("share").asDouble(), 0.02);
    }
    List<String> scored = BankData.lines().subList(0, 4);
    scored = BankData.withColumn(scored, "mobile", row -> List.of("y", "maybe", "").get(row));
    Path toScore = BankData.write(dir.resolve("score.csv"), scored);
    Path out = dir.resolve("scores.csv");
    CliRun predict =
        CliRun.precis(
            "predict",
            "--model",
            model.toString(),
            "--data",
            toScore.toString(),
            "--out",
            out.toString(),
            "--set",
            "predict.bad_rows=skip");
    assertEquals(0, predict.exitCode(), predict.transcript());
    assertTrue(predict.err().contains("Skipped 1 row"), predict.transcript());
    assertEquals(3, Files.readAllLines(out).size());
  }

  private static JsonNode feature(JsonNode distributions, String name) {
    for (JsonNode feature : distributions.path("features")) {
      if (feature.path("name").asText().equals(name)) {
        return feature;
      }
    }
    throw new AssertionError("no feature " + name + " in " + distributions);
  }
}
