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
 * A text column end to end on real data, the SMS Spam Collection split in sample-data/sms (TAB, no
 * quoting): logistic on TF-IDF trains, evaluates and predicts; prep warns of free text read as
 * categories; the file reads only with data.quote: none.
 */
class SmsTextTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CONFIG = "sample-data/sms/sms.yaml";
  private static final Path TRAIN = Path.of("sample-data/sms/train.tsv");
  private static final Path TEST = Path.of("sample-data/sms/test.tsv");

  @TempDir static Path dir;
  private static Path model;

  /** Trains on all of train.tsv, as scikit-learn's peer does; test.tsv is the held-out test. */
  @BeforeAll
  static void train() {
    model = dir.resolve("sms.precis");
    CliRun run =
        CliRun.precis(
            "train", "--config", CONFIG, "--set", "prep.split.valid=0", "--out", model.toString());
    assertEquals(0, run.exitCode(), run.transcript());
  }

  @Test
  void logisticOnTfidfRanksTheTestMessages() throws IOException {
    JsonNode train = JSON.readTree(dir.resolve("sms.train-report.json").toFile());
    assertEquals(4459, train.path("splits").path("train").path("rows").asInt());
    CliRun eval =
        CliRun.precis("eval", "--model", model.toString(), "--data", TEST.toString(), "--json");
    assertEquals(0, eval.exitCode(), eval.transcript());
    double auc = JSON.readTree(eval.out()).path("metrics").path("auc").asDouble();
    assertTrue(auc >= 0.98, "test AUC " + auc + " (0.9902 when measured)");
  }

  @Test
  void reportListsTheTermsOfMostWeight() throws IOException {
    JsonNode terms = JSON.readTree(dir.resolve("sms.train-report.json").toFile()).path("terms");
    assertEquals("text", terms.path(0).path("column").asText());
    List<String> spammy = new ArrayList<>();
    terms.path(0).path("positive").forEach(t -> spammy.add(t.path("term").asText()));
    assertTrue(spammy.contains("txt") && spammy.contains("free"), spammy.toString());
    assertTrue(terms.path(0).path("negative").path(0).path("weight").asDouble() < 0);
  }

  @Test
  void predictStreamsTheTestFileAndReproducesEvalsAuc() throws IOException {
    Path out = dir.resolve("scores.csv");
    CliRun predict =
        CliRun.precis(
            "predict",
            "--model",
            model.toString(),
            "--data",
            TEST.toString(),
            "--out",
            out.toString());
    assertEquals(0, predict.exitCode(), predict.transcript());
    // the scores file rounds to six decimals, which may tie a pair eval tells apart
    assertEquals(SmsSample.evalAuc(model, TEST), SmsSample.predictedAuc(out, TEST), 1e-4);
  }

  @Test
  void freeTextReadAsCategoriesIsWarnedAboutWithTheType() {
    CliRun run =
        CliRun.precis(
            "prep",
            "--config",
            CONFIG,
            "--set",
            "data.types={}",
            "--out",
            dir.resolve("categorical").toString());
    assertEquals(0, run.exitCode(), run.transcript());
    assertTrue(
        run.err().contains("warning: column 'text' looks like free text")
            && run.err().contains("set data.types: {text: text}"),
        run.transcript());
  }

  @Test
  void theFileReadsOnlyWithoutQuoting() {
    CliRun quoted =
        CliRun.precis(
            "train",
            "--data",
            TRAIN.toString(),
            "--target",
            "label",
            "--set",
            "data.types={text: text}",
            "--out",
            dir.resolve("quoted.precis").toString());
    assertEquals(3, quoted.exitCode(), quoted.transcript());
    assertTrue(quoted.err().contains("data.quote: none"), quoted.transcript());
  }

  /**
   * The test messages as a quoted CSV (the model was trained on TAB without quoting: the dialect is
   * the file's, not the model's), once with a line break in each message and once with a space
   * there: a token never spans either, so predict must give both files the same scores.
   */
  @Test
  void quotedMessagesWithLineBreaksScoreAsTheirOneLineTwins() throws IOException {
    List<String> rows = Files.readAllLines(TEST, StandardCharsets.UTF_8);
    StringBuilder broken = new StringBuilder("label,text\n");
    StringBuilder flat = new StringBuilder("label,text\n");
    for (String row : rows.subList(1, rows.size())) {
      int tab = row.indexOf('\t');
      String text = row.substring(tab + 1).replace("\"", "\"\"");
      String label = row.substring(0, tab) + ",\"";
      broken.append(label).append(text.replaceFirst(" ", "\r\n")).append("\"\n");
      flat.append(label).append(text.replaceFirst(" ", " ")).append("\"\n");
    }
    Path brokenFile = Files.writeString(dir.resolve("broken.csv"), broken);
    Path flatFile = Files.writeString(dir.resolve("flat.csv"), flat);
    List<List<String>> scores = new ArrayList<>();
    for (Path file : List.of(brokenFile, flatFile)) {
      Path out = dir.resolve(file.getFileName() + ".scores.csv");
      CliRun predict =
          CliRun.precis(
              "predict",
              "--model",
              model.toString(),
              "--data",
              file.toString(),
              "--out",
              out.toString(),
              "--set",
              "data.delimiter=,",
              "--set",
              "data.quote=standard");
      assertEquals(0, predict.exitCode(), predict.transcript());
      scores.add(Files.readAllLines(out, StandardCharsets.UTF_8));
    }
    assertEquals(rows.size(), scores.get(0).size(), "a header and one score per message");
    assertEquals(scores.get(1), scores.get(0));
  }
}
