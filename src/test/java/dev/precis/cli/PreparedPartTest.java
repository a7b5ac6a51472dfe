package dev.precis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Specifies how eval, predict and train tell a part written by `prep` from a raw file: only by the
 * prepared.json that prep writes beside it, never by its columns.
 */
class PreparedPartTest {
  private static final String BANK_CONFIG = "sample-data/bank/bank.yaml";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The bank sample prepped and a model trained on the raw sample with the same config. */
  @TempDir static Path shared;

  private static Path bankPrep;
  private static Path bankModel;
  private static JsonNode bankTrainReport;

  @TempDir Path tmp;

  @BeforeAll
  static void prepAndTrainTheBankSample() throws IOException {
    bankPrep = shared.resolve("prepared");
    succeeded(
        CliRun.precis(
            "prep",
            "--config",
            BANK_CONFIG,
            "--data",
            BankData.CSV.toString(),
            "--out",
            bankPrep.toString()));
    bankModel = shared.resolve("bank.precis");
    CliRun train =
        succeeded(
            CliRun.precis(
                "train",
                "--config",
                BANK_CONFIG,
                "--data",
                BankData.CSV.toString(),
                "--out",
                bankModel.toString(),
                "--json",
                "-q"));
    bankTrainReport = JSON.readTree(train.out());
  }

  @Test
  void allNumericRawFileIsEvaluatedThroughThePipelineTest() throws IOException {
    Path data = rfm(tmp.resolve("rfm.csv"), true);
    Path model = tmp.resolve("rfm.precis");
    CliRun train = succeeded(trainOnEveryRow(data, model));
    JsonNode trained = JSON.readTree(train.out()).at("/metrics/train");
    CliRun eval =
        succeeded(
            CliRun.precis(
                "eval", "--model", model.toString(), "--data", data.toString(), "--json", "-q"));
    JsonNode measured = JSON.readTree(eval.out()).path("metrics");
    assertTrue(trained.path("auc").asDouble() > 0.7, trained.toString());
    assertEquals(trained.path("rows").asLong(), measured.path("rows").asLong());
    assertEquals(trained.path("auc").asDouble(), measured.path("auc").asDouble(), 1e-9);
    assertEquals(trained.path("log_loss").asDouble(), measured.path("log_loss").asDouble(), 1e-9);
  }

  @Test
  void predictOnAnAllNumericRawFileScoresAsWithoutItsTargetTest() throws IOException {
    Path model = tmp.resolve("rfm.precis");
    succeeded(trainOnEveryRow(rfm(tmp.resolve("rfm.csv"), true), model));
    List<String> labelled = scores(model, rfm(tmp.resolve("labelled.csv"), true));
    List<String> unlabelled = scores(model, rfm(tmp.resolve("unlabelled.csv"), false));
    assertTrue(
        labelled.equals(unlabelled),
        "first scores with the target "
            + labelled.subList(0, 5)
            + ", without "
            + unlabelled.subList(0, 5));
    assertTrue(labelled.stream().distinct().count() > 100, "scores: " + labelled.subList(0, 5));
  }

  @Test
  void preparedTestPartEvaluatesAsTheRawHeldOutRowsTest() throws IOException {
    JsonNode measured = evalJson(bankPrep.resolve("test.csv")).path("metrics");
    JsonNode reported = bankTrainReport.at("/metrics/test");
    assertEquals(reported.path("rows").asLong(), measured.path("rows").asLong());
    assertEquals(reported.path("positives").asLong(), measured.path("positives").asLong());
    assertEquals(reported.path("auc").asDouble(), measured.path("auc").asDouble(), 1e-12);
  }

  @Test
  void preparedPartWithoutItsManifestIsReadAsARawFileTest() throws IOException {
    Path copy = Files.copy(bankPrep.resolve("test.csv"), tmp.resolve("test.csv"));
    CliRun run = eval(copy);
    assertEquals(3, run.exitCode(), run.transcript());
    assertTrue(run.err().contains("no column 'job'"), run.transcript());
    assertTrue(run.err().contains("keep prepared.json beside it"), run.transcript());
  }

  @Test
  void preparedPartOfAnotherPipelineExitsThreeTest() {
    Path other = tmp.resolve("seed7");
    succeeded(
        CliRun.precis(
            "prep",
            "--config",
            BANK_CONFIG,
            "--data",
            BankData.CSV.toString(),
            "--seed",
            "7",
            "--out",
            other.toString()));
    CliRun run = eval(other.resolve("test.csv"));
    assertEquals(3, run.exitCode(), run.transcript());
    assertTrue(
        run.err().contains("test.csv: was prepared with another pipeline than this model's"),
        run.transcript());
  }

  @Test
  void preparedPartChangedSincePrepExitsThreeTest() throws IOException {
    Path changed = changedCopy("test.csv");
    CliRun run = eval(changed.resolve("test.csv"));
    assertEquals(3, run.exitCode(), run.transcript());
    assertTrue(run.err().contains("test.csv: changed since prep wrote it"), run.transcript());
  }

  @Test
  void aChangedPartPrintsNoScoreBeforeItsErrorTest() throws IOException {
    Path changed = changedCopy("test.csv");
    CliRun run =
        CliRun.precis(
            "predict",
            "--model",
            bankModel.toString(),
            "--data",
            changed.resolve("test.csv").toString(),
            "--out",
            "-",
            "-q");
    assertEquals(3, run.exitCode(), run.transcript());
    assertEquals("", run.out(), "scores reached standard output before the part was refused");
  }

  @Test
  void aPreparedJsonThatPrepDidNotWriteMakesNoNeighbourAPartTest() throws IOException {
    Path dir = Files.createDirectory(tmp.resolve("exports"));
    Files.writeString(dir.resolve("prepared.json"), "{\"hello\": 1}");
    Path raw = Files.copy(BankData.CSV, dir.resolve("bank.csv"));
    assertEquals(
        evalJson(BankData.CSV).path("metrics").path("auc").asDouble(),
        evalJson(raw).path("metrics").path("auc").asDouble(),
        0.0);
  }

  @Test
  void trainOnAPrepDirectoryWithAChangedPartExitsThreeTest() throws IOException {
    Path changed = changedCopy("train.csv");
    CliRun run =
        CliRun.precis(
            "train", "--data", changed.toString(), "--out", tmp.resolve("m.precis").toString());
    assertEquals(3, run.exitCode(), run.transcript());
    assertTrue(run.err().contains("train.csv: changed since prep wrote it"), run.transcript());
  }

  /** A copy of the bank prep directory whose {@code part} has one label flipped. */
  private Path changedCopy(String part) throws IOException {
    Path dir = Files.createDirectory(tmp.resolve("changed"));
    for (String name : BankData.listing(bankPrep)) {
      Files.copy(bankPrep.resolve(name), dir.resolve(name));
    }
    List<String> lines = Files.readAllLines(dir.resolve(part));
    String last = lines.get(lines.size() - 1);
    lines.set(
        lines.size() - 1, last.substring(0, last.length() - 1) + (last.endsWith("1") ? "0" : "1"));
    Files.write(dir.resolve(part), lines);
    return dir;
  }

  /**
   * An all-numeric campaign file (recency, frequency, spend and, when {@code labelled}, a 1/0
   * response y that depends on them), 2,000 rows from a fixed seed.
   */
  private static Path rfm(Path file, boolean labelled) throws IOException {
    Random random = new Random(11);
    List<String> lines = new ArrayList<>();
    lines.add("recency,frequency,spend" + (labelled ? ",y" : ""));
    for (int r = 0; r < 2000; r++) {
      int recency = 1 + random.nextInt(365);
      int frequency = 1 + random.nextInt(40);
      double spend = Math.round(random.nextDouble() * 200000) / 100.0;
      double logit = -0.012 * (recency - 183) + 0.1 * (frequency - 20) + 0.001 * (spend - 1000) - 1;
      boolean responded = random.nextDouble() < 1 / (1 + Math.exp(-logit));
      lines.add(
          String.format(Locale.ROOT, "%d,%d,%.2f", recency, frequency, spend)
              + (labelled ? (responded ? ",1" : ",0") : ""));
    }
    return Files.write(file, lines);
  }

  /** Trains a logistic model on every row of {@code data}, so train's metrics cover them all. */
  private static CliRun trainOnEveryRow(Path data, Path model) {
    return CliRun.train(
        data.toString(),
        model.toString(),
        "--set",
        "prep.split.valid=0",
        "--set",
        "prep.split.test=0",
        "--json",
        "-q");
  }

  /** The score column of `precis predict` on {@code data}. */
  private List<String> scores(Path model, Path data) throws IOException {
    Path out = tmp.resolve(data.getFileName() + ".scores.csv");
    succeeded(
        CliRun.precis(
            "predict",
            "--model",
            model.toString(),
            "--data",
            data.toString(),
            "--out",
            out.toString(),
            "-q"));
    List<String> lines = Files.readAllLines(out);
    assertEquals("score,decile", lines.get(0));
    return lines.stream().skip(1).map(line -> line.split(",")[0]).toList();
  }

  private static CliRun eval(Path data) {
    return CliRun.precis(
        "eval", "--model", bankModel.toString(), "--data", data.toString(), "--json", "-q");
  }

  private static JsonNode evalJson(Path data) throws IOException {
    return JSON.readTree(succeeded(eval(data)).out());
  }

  private static CliRun succeeded(CliRun run) {
    assertEquals(0, run.exitCode(), run.transcript());
    return run;
  }
}
