package dev.precis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The text networks end to end on the SMS sample: text-lstm and text-embedding-bag train on token
 * sequences, evaluate and predict alike, give the same scores on any number of threads, score a
 * message with the row's other columns (wide and deep), and refuse data with no text column.
 */
class TextNetworksTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CONFIG = SmsSample.CONFIG;

  @TempDir static Path dir;
  private static Path train;
  private static Path holdout;

  /** 1,500 messages to train on, 800 others to score: enough to learn, quick to fit. */
  @BeforeAll
  static void slices() throws IOException {
    train = SmsSample.slice(SmsSample.TRAIN, 0, 1500, dir.resolve("train.tsv"));
    holdout = SmsSample.slice(SmsSample.TRAIN, 1500, 800, dir.resolve("holdout.tsv"));
  }

  private static Path trainModel(String name, String type, Path data, String... sets) {
    Path model = dir.resolve(name + ".precis");
    List<String> options =
        new ArrayList<>(
            List.of(
                "--model",
                type,
                "--set",
                "data.types={text: text}",
                "--set",
                "model.params.epochs=4"));
    for (String set : sets) {
      options.add("--set");
      options.add(set);
    }
    CliRun run = SmsSample.train(data, model, options.toArray(String[]::new));
    assertEquals(0, run.exitCode(), run.transcript());
    return model;
  }

  private static List<String> predict(Path model, Path data, String name) throws IOException {
    Path out = dir.resolve(name);
    CliRun run =
        CliRun.precis(
            "predict",
            "--model",
            model.toString(),
            "--data",
            data.toString(),
            "--out",
            out.toString());
    assertEquals(0, run.exitCode(), run.transcript());
    return Files.readAllLines(out, StandardCharsets.UTF_8);
  }

  @Test
  void bothNetworksRankHeldOutSpam() throws IOException {
    for (String type : List.of("text-lstm", "text-embedding-bag")) {
      // a bag learns more slowly per epoch than an LSTM
      String epochs = "model.params.epochs=" + (type.equals("text-lstm") ? 4 : 15);
      Path model = trainModel(type, type, train, epochs);
      double auc = SmsSample.evalAuc(model, holdout);
      assertTrue(auc > 0.95, type + " held-out AUC " + auc);
      JsonNode fit = JSON.readTree(dir.resolve(type + ".train-report.json").toFile()).path("fit");
      assertTrue(fit.path("best_epoch").asInt() >= 1, fit.toString());
    }
  }

  @Test
  void predictScoresAsTrainingLeftTheNetworkOnAnyThreads() throws IOException {
    Path one = trainModel("lstm1", "text-lstm", train, "engine.threads=1");
    Path two = trainModel("lstm2", "text-lstm", train, "engine.threads=2");
    assertEquals(predict(one, holdout, "one.csv"), predict(two, holdout, "two.csv"));
  }

  /** A message's length in characters, as a second column: the head reads it beside the text. */
  @Test
  void otherColumnsJoinTheTextInTheHead() throws IOException {
    Path wide = dir.resolve("wide.tsv");
    List<String> rows = Files.readAllLines(train, StandardCharsets.UTF_8);
    List<String> out = new ArrayList<>(List.of(rows.get(0) + "\tchars"));
    for (String row : rows.subList(1, rows.size())) {
      out.add(row + "\t" + row.substring(row.indexOf('\t') + 1).length());
    }
    Files.write(wide, out, StandardCharsets.UTF_8);
    trainModel("wide", "text-embedding-bag", wide, "model.params.hidden=[8]");
    JsonNode report = JSON.readTree(dir.resolve("wide.train-report.json").toFile());
    List<String> columns = new ArrayList<>();
    report.path("importance").path("columns").forEach(c -> columns.add(c.path("column").asText()));
    assertTrue(columns.containsAll(List.of("text", "chars")), report.path("importance").toString());
    assertTrue(report.path("metrics").path("valid").path("auc").asDouble() > 0.9);
  }

  @Test
  void dataWithoutATextColumnIsRefusedWithTheFix() {
    CliRun run =
        CliRun.precis(
            "train",
            "--config",
            CONFIG,
            "--data",
            train.toString(),
            "--model",
            "text-lstm",
            "--set",
            "data.types={}",
            "--out",
            dir.resolve("none.precis").toString(),
            "--quiet");
    OneLineError.assertOneLineError(run, 2, "text-lstm", "data.types: {COLUMN: text}");
  }

  @Test
  void partsPreparedAsSequencesServeTheNetworksOnly() {
    Path parts = dir.resolve("sequences");
    CliRun prep =
        CliRun.precis(
            "prep",
            "--config",
            CONFIG,
            "--data",
            train.toString(),
            "--model",
            "text-lstm",
            "--out",
            parts.toString(),
            "--quiet");
    assertEquals(0, prep.exitCode(), prep.transcript());
    CliRun bag =
        CliRun.precis(
            "train",
            "--data",
            parts.toString(),
            "--model",
            "text-embedding-bag",
            "--out",
            dir.resolve("from-parts.precis").toString(),
            "--quiet");
    assertEquals(0, bag.exitCode(), bag.transcript());
    CliRun logistic =
        CliRun.precis(
            "train",
            "--data",
            parts.toString(),
            "--model",
            "logistic",
            "--out",
            dir.resolve("refused.precis").toString(),
            "--quiet");
    OneLineError.assertOneLineError(
        logistic, 2, "texts as token sequences", "needs", "texts as bags of terms");
  }

  /** sms.yaml says logistic; the bundle's text-lstm parameters must not be read as logistic's. */
  @Test
  void evalReadsTheDatasConfigOverAnotherTypesBundle() {
    Path model = trainModel("lstm-config", "text-lstm", train, "model.params.epochs=1");
    CliRun eval =
        CliRun.precis(
            "eval",
            "--config",
            CONFIG,
            "--model",
            model.toString(),
            "--data",
            holdout.toString(),
            "--quiet");
    assertEquals(0, eval.exitCode(), eval.transcript());
  }
}
