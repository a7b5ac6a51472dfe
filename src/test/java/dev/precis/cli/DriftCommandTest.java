package dev.precis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Specifies drift per column in eval and predict on the bank sample: small on the file the model
 * was trained from, the shifted column named first when one is shifted, the psi and score_psi gates
 * (exit 4 after the scores are written), the same figures on any thread count, and a bundle without
 * distributions.json that reports drift per column as unavailable and never fails.
 */
class DriftCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path shared;
  private static Path model;
  private static Path olderAge;

  @TempDir Path dir;

  @BeforeAll
  static void trainOnBank() {
    model = shared.resolve("bank.precis");
    CliRun run =
        CliRun.train(
            BankData.CSV, model, "--set", "data.drop=[duration]", "--quiet", "--seed", "7");
    assertEquals(0, run.exitCode(), run.transcript());
    int age = BankData.column("age");
    olderAge =
        BankData.write(
            shared.resolve("older.csv"),
            BankData.mapRows(
                BankData.lines(),
                line ->
                    BankData.withField(
                        line,
                        age,
                        String.valueOf(
                            Integer.parseInt(BankData.fields(line).get(age).strip()) + 20))));
  }

  @Test
  void theTrainingFileDriftsLittleInEveryColumn() throws IOException {
    CliRun run = eval(model, BankData.CSV, "--json");
    assertEquals(0, run.exitCode(), run.transcript());
    JsonNode drift = JSON.readTree(run.out()).path("feature_drift");
    assertTrue(drift.path("available").asBoolean(), drift.toString());
    assertTrue(drift.path("psi").asDouble() < 0.1, drift.toString());
    assertEquals("stable", drift.path("band").asText());
    // every column the pipeline made is compared, duration dropped
    assertEquals(BankData.FIELDS - 2, drift.path("columns").size(), drift.toString());
  }

  @Test
  void aShiftedColumnIsNamedFirstWithAMajorShiftInEvalAndPredict() throws IOException {
    CliRun run = eval(model, olderAge, "--json");
    assertEquals(0, run.exitCode(), run.transcript());
    JsonNode first = JSON.readTree(run.out()).at("/feature_drift/columns/0");
    assertEquals("age", first.path("column").asText(), first.toString());
    assertTrue(first.path("psi").asDouble() > 0.25, first.toString());
    assertEquals("major", first.path("band").asText());
    JsonNode second = JSON.readTree(run.out()).at("/feature_drift/columns/1");
    assertTrue(second.path("psi").asDouble() < 0.1, "only age moved: " + second);
    assertTrue(run.err().contains("  age "), run.err());
    // the first line names the files, as long as the user's
    run.err()
        .lines()
        .filter(line -> !line.startsWith("Evaluated "))
        .forEach(line -> assertTrue(line.length() <= 80, "over 80 columns: " + line));

    CliRun predict = predict(dir.resolve("scores.csv"), olderAge);
    assertEquals(0, predict.exitCode(), predict.transcript());
    JsonNode summary = JSON.readTree(dir.resolve("scores.summary.json").toFile());
    assertEquals(first, summary.at("/feature_drift/columns/0"));
    assertTrue(summary.at("/score_drift/psi").isNumber(), summary.toString());
    assertTrue(summary.path("passed").asBoolean());
  }

  @Test
  void aPsiGateFailsPredictWithExitFourAfterWritingEveryScore() throws IOException {
    Path out = dir.resolve("scores.csv");
    CliRun run =
        predict(out, olderAge, "--quiet", "--fail-over", "psi=0.25", "--fail-over", "score_psi=5");
    assertEquals(4, run.exitCode(), run.transcript());
    assertTrue(run.err().contains("gate failed: psi "), run.err());
    assertTrue(run.err().contains(" > 0.25"), run.err());
    assertFalse(run.err().contains("score_psi"), "the score gate passed: " + run.err());
    assertEquals(BankData.ROWS + 1, Files.readAllLines(out).size());
    JsonNode summary = JSON.readTree(dir.resolve("scores.summary.json").toFile());
    assertFalse(summary.path("passed").asBoolean());
    JsonNode gate = summary.at("/gates/0");
    assertEquals("psi", gate.path("metric").asText());
    assertEquals("at_most", gate.path("direction").asText());
    assertEquals(summary.at("/feature_drift/psi").asDouble(), gate.path("value").asDouble());
    assertTrue(summary.at("/gates/1/passed").asBoolean(), summary.toString());
  }

  @Test
  void evalGatesDriftFromTheConfigToo() {
    CliRun run = eval(model, olderAge, "--quiet", "--set", "eval.fail_over={psi: 0.25}");
    assertEquals(4, run.exitCode(), run.transcript());
    assertEquals(1, run.err().lines().filter(l -> l.contains("gate failed: psi ")).count());
    CliRun same = eval(model, BankData.CSV, "--quiet", "--fail-over", "psi=0.25");
    assertEquals(0, same.exitCode(), same.transcript());
  }

  @Test
  void predictRefusesAGateOnAMetricThatNeedsLabels() {
    CliRun run = predict(dir.resolve("s.csv"), BankData.CSV, "--fail-over", "log_loss=0.3");
    assertEquals(2, run.exitCode(), run.transcript());
    assertTrue(run.err().contains("predict.fail_over.log_loss"), run.err());
    assertFalse(Files.exists(dir.resolve("s.csv")));
  }

  @Test
  void driftIsTheSameOnOneThreadAndOnThree() throws IOException {
    // the full file is several blocks, counted on whichever thread takes each
    Path full = Path.of("sample-data/bank/bank-additional-full.csv");
    List<JsonNode> drifts = new ArrayList<>();
    for (String threads : List.of("1", "3")) {
      Path out = dir.resolve("scores-" + threads + ".csv");
      CliRun run = predict(out, full, "--threads", threads, "--quiet");
      assertEquals(0, run.exitCode(), run.transcript());
      drifts.add(JSON.readTree(dir.resolve("scores-" + threads + ".summary.json").toFile()));
    }
    assertTrue(drifts.get(0).at("/feature_drift/columns").size() > 10);
    assertEquals(drifts.get(0).path("feature_drift"), drifts.get(1).path("feature_drift"));
    assertEquals(drifts.get(0).path("score_drift"), drifts.get(1).path("score_drift"));
  }

  @Test
  void aBundleWithoutDistributionsSaysDriftPerColumnIsUnavailableAndPasses() throws IOException {
    Path older = withoutDistributions(model, dir.resolve("older.precis"));
    CliRun run = eval(older, olderAge, "--json", "--fail-over", "psi=0.25");
    assertEquals(0, run.exitCode(), run.transcript());
    JsonNode report = JSON.readTree(run.out());
    JsonNode drift = report.path("feature_drift");
    assertFalse(drift.path("available").asBoolean(), drift.toString());
    assertTrue(drift.path("note").asText().contains("retrain"), drift.toString());
    assertEquals(0, report.path("gates").size(), "a psi gate it cannot measure is left out");
    assertTrue(run.err().contains("per column: unavailable"), run.err());

    CliRun predict = predict(dir.resolve("s.csv"), olderAge, "--fail-over", "score_psi=5");
    assertEquals(0, predict.exitCode(), predict.transcript());
  }

  /** The bundle as Precis wrote it before distributions.json: without the entry or its listing. */
  private static Path withoutDistributions(Path bundle, Path out) throws IOException {
    try (ZipFile zip = new ZipFile(bundle.toFile());
        OutputStream bytes = Files.newOutputStream(out);
        ZipOutputStream copy = new ZipOutputStream(bytes)) {
      for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
        byte[] content = zip.getInputStream(entry).readAllBytes();
        if (entry.getName().equals("distributions.json")) {
          continue;
        }
        if (entry.getName().equals("manifest.json")) {
          ObjectNode manifest = (ObjectNode) JSON.readTree(content);
          Iterator<JsonNode> artifacts = ((ArrayNode) manifest.path("artifacts")).iterator();
          while (artifacts.hasNext()) {
            if (artifacts.next().path("name").asText().equals("distributions.json")) {
              artifacts.remove();
            }
          }
          content = JSON.writeValueAsBytes(manifest);
        }
        copy.putNextEntry(new ZipEntry(entry.getName()));
        copy.write(content);
        copy.closeEntry();
      }
    }
    return out;
  }

  private CliRun predict(Path out, Path data, String... options) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "predict",
                "--model",
                model.toString(),
                "--data",
                data.toString(),
                "--out",
                out.toString()));
    args.addAll(List.of(options));
    return CliRun.precis(args);
  }

  private static CliRun eval(Path bundle, Path data, String... options) {
    List<String> args =
        new ArrayList<>(List.of("eval", "--model", bundle.toString(), "--data", data.toString()));
    args.addAll(List.of(options));
    return CliRun.precis(args);
  }
}
