package dev.precis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Specifies prep.imbalance end to end on bank: prep and train report the training rows' balance
 * before and after, only the training rows are rebalanced, the bundle's prior-shift correction
 * keeps scores at the true response rate (eval's calibration metrics on the test rows show it), and
 * a bad value names its key.
 */
class ImbalanceTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path shared;
  private static JsonNode plain;
  private static JsonNode corrected;
  private static JsonNode uncorrected;
  private static CliRun correctedRun;

  @BeforeAll
  static void train() throws IOException {
    plain = train("plain", "prep.imbalance.method=none");
    correctedRun = run("corrected", "prep.imbalance.method=undersample");
    corrected = report("corrected");
    uncorrected =
        train("uncorrected", "prep.imbalance.method=undersample", "prep.imbalance.correct=false");
  }

  private static CliRun run(String name, String... sets) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "train",
                "--data",
                BankData.CSV.toString(),
                "--target",
                "y",
                "--set",
                "data.drop=[duration]",
                "--out",
                shared.resolve(name + ".precis").toString()));
    for (String set : sets) {
      args.add("--set");
      args.add(set);
    }
    CliRun run = CliRun.precis(args);
    assertEquals(0, run.exitCode(), run.transcript());
    return run;
  }

  private static JsonNode train(String name, String... sets) throws IOException {
    run(name, sets);
    return report(name);
  }

  private static JsonNode report(String name) throws IOException {
    return JSON.readTree(shared.resolve(name + ".train-report.json").toFile());
  }

  @Test
  void trainReportsTheTrainingBalanceBeforeAndAfterUndersampling() {
    JsonNode balance = corrected.path("balance");
    assertEquals("undersample", balance.path("method").asText());
    assertEquals(corrected.at("/splits/train/rows").asLong(), balance.at("/before/rows").asLong());
    long positives = balance.at("/before/positives").asLong();
    assertEquals(positives, balance.at("/after/positives").asLong());
    assertEquals(2 * positives, balance.at("/after/rows").asLong());
    assertEquals(0.5, balance.at("/after/positive_rate").asDouble(), 1e-12);
    assertTrue(balance.path("scores_corrected").asBoolean());
    assertTrue(
        correctedRun.err().contains("Rebalanced the training rows (undersample"),
        correctedRun.err());
  }

  @Test
  void onlyTheTrainingRowsAreRebalancedNeverTheValidationOrTestRows() {
    for (String part : List.of("train", "valid", "test")) {
      assertEquals(plain.at("/splits/" + part), corrected.at("/splits/" + part), part);
    }
    assertEquals(plain.at("/metrics/test/rows"), corrected.at("/metrics/test/rows"));
    assertEquals(plain.at("/metrics/test/positives"), corrected.at("/metrics/test/positives"));
    assertEquals("none", plain.at("/balance/method").asText());
    assertEquals(plain.at("/balance/before"), plain.at("/balance/after"));
  }

  @Test
  void thePriorShiftCorrectionKeepsTestScoresCalibratedToTheTrueRate() {
    double fixedEce = corrected.at("/metrics/test/ece").asDouble();
    double rawEce = uncorrected.at("/metrics/test/ece").asDouble();
    assertTrue(fixedEce < 0.05, "corrected ECE " + fixedEce);
    assertTrue(rawEce > 0.2, "uncorrected ECE " + rawEce);
    assertTrue(
        corrected.at("/metrics/test/log_loss").asDouble()
            < 0.6 * uncorrected.at("/metrics/test/log_loss").asDouble());
    // the correction keeps the order of the scores: ranking is the same
    assertEquals(
        uncorrected.at("/metrics/test/auc").asDouble(),
        corrected.at("/metrics/test/auc").asDouble(),
        1e-9);
    assertTrue(uncorrected.at("/balance/note").asText().contains("not response rates"));
  }

  @Test
  void evalScoresThroughTheSavedCorrection() throws IOException {
    CliRun eval =
        CliRun.precis(
            "eval",
            "--model",
            shared.resolve("corrected.precis").toString(),
            "--data",
            BankData.CSV.toString(),
            "--json");
    assertEquals(0, eval.exitCode(), eval.transcript());
    JsonNode report = JSON.readTree(eval.out());
    assertTrue(report.at("/metrics/ece").asDouble() < 0.05, report.path("metrics").toString());
  }

  @Test
  void prepReportsTheBalanceTrainWillFitOnAndWritesEveryTrainingRow(@TempDir Path dir)
      throws IOException {
    Path parts = dir.resolve("prep");
    CliRun prep =
        CliRun.precis(
            "prep",
            "--data",
            BankData.CSV.toString(),
            "--target",
            "y",
            "--set",
            "prep.imbalance.method=oversample",
            "--set",
            "prep.imbalance.ratio=0.5",
            "--out",
            parts.toString());
    assertEquals(0, prep.exitCode(), prep.transcript());
    JsonNode report = JSON.readTree(parts.resolve("prep-report.json").toFile());
    JsonNode balance = report.path("balance");
    long rows = report.at("/splits/train/rows").asLong();
    long negatives = rows - report.at("/splits/train/positives").asLong();
    assertEquals(rows, balance.at("/before/rows").asLong());
    assertEquals(negatives / 2, balance.at("/after/positives").asLong());
    assertEquals(negatives + negatives / 2, balance.at("/after/rows").asLong());
    assertEquals(rows + 1, Files.readAllLines(parts.resolve("train.csv")).size());
    assertTrue(prep.err().contains("Rebalanced the training rows (oversample"), prep.err());
  }

  @Test
  void aBadMethodOrRatioNamesItsKey() {
    CliRun method = run2("prep.imbalance.method=smote");
    assertEquals(2, method.exitCode(), method.transcript());
    assertTrue(method.err().contains("prep.imbalance.method"), method.err());
    CliRun ratio = run2("prep.imbalance.ratio=1.5");
    assertEquals(2, ratio.exitCode(), ratio.transcript());
    assertTrue(ratio.err().contains("prep.imbalance.ratio"), ratio.err());
  }

  private static CliRun run2(String set) {
    return CliRun.precis(
        "train",
        "--data",
        BankData.CSV.toString(),
        "--target",
        "y",
        "--set",
        set,
        "--out",
        shared.resolve("bad.precis").toString());
  }
}
