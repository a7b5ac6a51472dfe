package dev.precis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * prep.text.embed: minilm end to end on a slice of the SMS Spam Collection (sample-data/sms): the
 * text column becomes the shipped sentence encoder's 384 numbers in train, eval, predict and tune
 * alike, through the step pipeline.json names; an unknown encoder is a config error at its key.
 */
class SmsEmbeddingTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CONFIG = "sample-data/sms/sms.yaml";

  @TempDir static Path dir;
  private static Path train;
  private static Path test;
  private static Path model;

  /** Trains logistic on the first 800 training messages; the test slice is 300 messages. */
  @BeforeAll
  static void trainOnASlice() throws IOException {
    train = SmsSample.slice(SmsSample.TRAIN, 0, 800, dir.resolve("train.tsv"));
    test = SmsSample.slice(SmsSample.TEST, 0, 300, dir.resolve("test.tsv"));
    model = dir.resolve("sms.precis");
    CliRun run =
        CliRun.precis(
            "train",
            "--config",
            CONFIG,
            "--data",
            train.toString(),
            "--set",
            "prep.text.embed=minilm",
            "--set",
            "prep.split.valid=0",
            "--out",
            model.toString());
    assertEquals(0, run.exitCode(), run.transcript());
  }

  @Test
  void logisticOnTheEmbeddingRanksTheTestMessages() throws IOException {
    JsonNode report = JSON.readTree(dir.resolve("sms.train-report.json").toFile());
    assertEquals(384, report.path("features").asInt(), "one feature per number of the vector");
    double auc = evalAuc();
    assertTrue(
        auc >= 0.95,
        "test AUC " + auc + " (0.9865 on this slice when measured, 0.9941 on the whole split)");
  }

  @Test
  void pipelineJsonNamesTheEncoderAndItsRelease() throws IOException {
    try (ZipFile bundle = new ZipFile(model.toFile())) {
      JsonNode step =
          JSON.readTree(bundle.getInputStream(bundle.getEntry("pipeline.json")))
              .path("steps")
              .path(0);
      assertEquals("text_embedding", step.path("step").asText(), step.toString());
      assertEquals("minilm", step.path("encoder").asText());
      assertEquals("all-MiniLM-L6-v2-q", step.path("model").asText());
      assertTrue(step.path("version").asText().matches("\\d+\\.\\d+\\.\\d+.*"), step.toString());
    }
  }

  @Test
  void predictStreamsTheScoresEvalRanks() throws IOException {
    Path out = dir.resolve("scores.csv");
    CliRun predict =
        CliRun.precis(
            "predict",
            "--model",
            model.toString(),
            "--data",
            test.toString(),
            "--out",
            out.toString());
    assertEquals(0, predict.exitCode(), predict.transcript());
    // the scores file rounds to six decimals, which may tie a pair eval tells apart
    assertEquals(evalAuc(), SmsSample.predictedAuc(out, test), 1e-4);
  }

  @Test
  void tuneSearchesOnTheEmbedding() throws IOException {
    Path out = dir.resolve("tune");
    CliRun run =
        CliRun.precis(
            "tune",
            "--config",
            CONFIG,
            "--data",
            train.toString(),
            "--set",
            "prep.text.embed=minilm",
            "--set",
            "tune.trials=2",
            "--set",
            "tune.folds=2",
            "--out",
            out.toString(),
            "--quiet");
    assertEquals(0, run.exitCode(), run.transcript());
    JsonNode trials = TuneSearchTest.leaderboard(out).path("trials");
    assertEquals(2, trials.size(), trials.toString());
    assertTrue(trials.path(0).path("mean").asDouble() >= 0.9, trials.toString());
  }

  @Test
  void anUnknownEncoderIsAConfigErrorAtItsKey() {
    CliRun run =
        CliRun.precis(
            "train",
            "--config",
            CONFIG,
            "--data",
            train.toString(),
            "--set",
            "prep.text.embed=bert",
            "--out",
            dir.resolve("bert.precis").toString());
    assertEquals(2, run.exitCode(), run.transcript());
    assertTrue(
        run.err().contains("prep.text.embed: 'bert' is not one of: none, minilm"),
        run.transcript());
  }

  /**
   * ONNX Runtime and the model load with the first text embedded, so a bundle that does not embed
   * never loads them: each eval runs in a JVM of its own that lists the classes it loads.
   */
  @Test
  void onlyABundleThatEmbedsLoadsOnnxRuntime() throws IOException, InterruptedException {
    Path tfidf = dir.resolve("tfidf.precis");
    CliRun run =
        CliRun.precis(
            "train",
            "--config",
            CONFIG,
            "--data",
            train.toString(),
            "--set",
            "prep.split.valid=0",
            "--out",
            tfidf.toString());
    assertEquals(0, run.exitCode(), run.transcript());
    Path few = SmsSample.slice(test, 0, 20, dir.resolve("few.tsv"));
    assertEquals(0, onnxClassesLoaded(tfidf, few), "a TF-IDF bundle");
    assertTrue(onnxClassesLoaded(model, few) > 0, "an embedding bundle");
  }

  private static long onnxClassesLoaded(Path bundle, Path data)
      throws IOException, InterruptedException {
    String java = ProcessHandle.current().info().command().orElse("java");
    Process eval =
        new ProcessBuilder(
                java,
                "-verbose:class",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                "dev.precis.cli.Main",
                "eval",
                "--model",
                bundle.toString(),
                "--data",
                data.toString(),
                "--quiet")
            .redirectErrorStream(true)
            .start();
    String out = new String(eval.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, eval.waitFor(), out);
    return out.lines().filter(line -> line.contains("ai.onnxruntime.")).count();
  }

  private static double evalAuc() throws IOException {
    return SmsSample.evalAuc(model, test);
  }
}
