package dev.precis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Specifies model.calibration end to end on bank: a deliberately miscalibrated logistic model (a
 * learning rate far too large makes its scores overconfident) is calibrated on the validation rows,
 * which lowers the log loss on the test rows it never saw, and the bundle scores as calibrated in
 * eval and predict.
 */
class CalibrationTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A learning rate far too large: the model's scores come out overconfident. */
  private static final String OVERCONFIDENT = "model.params.learning_rate=10";

  @TempDir static Path shared;
  private static Path parts;
  private static JsonNode plain;
  private static JsonNode platt;
  private static JsonNode isotonic;

  @TempDir Path dir;

  @BeforeAll
  static void prepareAndTrain() throws IOException {
    parts = shared.resolve("prep");
    CliRun prep =
        CliRun.precis(
            "prep",
            "--data",
            BankData.CSV.toString(),
            "--target",
            "y",
            "--set",
            "data.drop=[duration]",
            "--out",
            parts.toString());
    assertEquals(0, prep.exitCode(), prep.transcript());
    plain = train("none");
    platt = train("platt");
    isotonic = train("isotonic");
  }

  private static JsonNode train(String calibration) throws IOException {
    Path out = shared.resolve(calibration + ".precis");
    CliRun run =
        CliRun.precis(
            "train",
            "--data",
            parts.toString(),
            "--set",
            OVERCONFIDENT,
            "--set",
            "model.calibration=" + calibration,
            "--out",
            out.toString());
    assertEquals(0, run.exitCode(), run.transcript());
    return JSON.readTree(shared.resolve(calibration + ".train-report.json").toFile());
  }

  @Test
  void plattLowersTheLogLossOfTheValidationRowsItIsFittedOn() {
    double before = platt.at("/calibration/before/log_loss").asDouble();
    double after = platt.at("/calibration/after/log_loss").asDouble();
    assertTrue(after < 0.8 * before, platt.path("calibration").toString());
    assertEquals(platt.at("/metrics/valid/log_loss").asDouble(), after, 1e-12);
    assertEquals(plain.at("/metrics/valid/log_loss").asDouble(), before, 1e-12);
  }

  @Test
  void bothMethodsLowerTheLogLossAndCalibrationErrorOfTheUnseenTestRows() {
    for (JsonNode calibrated : List.of(platt, isotonic)) {
      String method = calibrated.at("/calibration/method").asText();
      assertTrue(
          calibrated.at("/metrics/test/log_loss").asDouble()
              < 0.8 * plain.at("/metrics/test/log_loss").asDouble(),
          method);
      assertTrue(
          calibrated.at("/metrics/test/ece").asDouble() < plain.at("/metrics/test/ece").asDouble(),
          method);
    }
  }

  @Test
  void autoLeavesAProbabilisticFamilyUncalibrated() throws IOException {
    Path out = dir.resolve("auto.precis");
    CliRun run = CliRun.precis("train", "--data", parts.toString(), "--out", out.toString());
    assertEquals(0, run.exitCode(), run.transcript());
    JsonNode report = JSON.readTree(dir.resolve("auto.train-report.json").toFile());
    assertEquals("auto", report.at("/calibration/setting").asText());
    assertEquals("none", report.at("/calibration/method").asText());
    assertFalse(run.err().contains("Calibrated"), run.err());
    try (ZipFile zip = new ZipFile(out.toFile())) {
      assertEquals(null, zip.getEntry("calibrator.json"));
    }
  }

  @Test
  void theBundleHoldsTheCalibratorAsAListedArtifact() throws IOException {
    try (ZipFile zip = new ZipFile(shared.resolve("platt.precis").toFile())) {
      JsonNode manifest = JSON.readTree(zip.getInputStream(zip.getEntry("manifest.json")));
      JsonNode calibrator = manifest.at("/artifacts/6");
      assertEquals("calibrator.json", calibrator.path("name").asText(), manifest.toString());
      assertEquals("calibrator", calibrator.path("kind").asText());
      JsonNode saved = JSON.readTree(zip.getInputStream(zip.getEntry("calibrator.json")));
      assertEquals("platt", saved.path("method").asText());
    }
  }

  @Test
  void evalOfTheTestPartReproducesTrainsCalibratedTestMetrics() throws IOException {
    for (String method : List.of("platt", "isotonic")) {
      JsonNode trained = method.equals("platt") ? platt : isotonic;
      CliRun eval =
          CliRun.precis(
              "eval",
              "--model",
              shared.resolve(method + ".precis").toString(),
              "--data",
              parts.resolve("test.csv").toString(),
              "--json");
      assertEquals(0, eval.exitCode(), eval.transcript());
      JsonNode metrics = JSON.readTree(eval.out()).path("metrics");
      for (String metric : List.of("log_loss", "auc", "brier", "ece")) {
        assertEquals(
            trained.at("/metrics/test/" + metric).asDouble(),
            metrics.path(metric).asDouble(),
            1e-12,
            method + " " + metric);
      }
    }
  }

  @Test
  void predictWritesTheCalibratedScores() throws IOException {
    Path scores = dir.resolve("scores.csv");
    CliRun run =
        CliRun.precis(
            "predict",
            "--model",
            shared.resolve("platt.precis").toString(),
            "--data",
            parts.resolve("test.csv").toString(),
            "--out",
            scores.toString());
    assertEquals(0, run.exitCode(), run.transcript());
    List<String> lines = Files.readAllLines(scores);
    List<String> rows = Files.readAllLines(parts.resolve("test.csv"));
    int target = List.of(rows.get(0).split(",")).indexOf("y");
    double loss = 0;
    for (int i = 1; i < lines.size(); i++) {
      double p = Double.parseDouble(lines.get(i).split(",")[0]);
      boolean positive =
          rows.get(i).split(",")[target].equals("1"); // prep writes labels as 0 and 1
      loss -= Math.log(positive ? p : 1 - p);
    }
    // The scores are written with six decimals, so their log loss matches train's to about 1e-5.
    assertEquals(platt.at("/metrics/test/log_loss").asDouble(), loss / (lines.size() - 1), 1e-4);
  }

  @Test
  void calibrationWithoutValidationRowsIsAConfigErrorNamingBothKeys() {
    CliRun run =
        CliRun.train(
            BankData.CSV,
            dir.resolve("none.precis"),
            "--set",
            "prep.split.valid=0",
            "--set",
            "model.calibration=isotonic");
    assertEquals(2, run.exitCode(), run.transcript());
    assertTrue(run.err().contains("model.calibration"), run.err());
    assertTrue(run.err().contains("prep.split.valid"), run.err());
    assertFalse(Files.exists(dir.resolve("none.precis")));
  }

  @Test
  void anUnknownMethodIsAConfigErrorListingTheMethods() {
    CliRun run =
        CliRun.train(BankData.CSV, dir.resolve("x.precis"), "--set", "model.calibration=plat");
    assertEquals(2, run.exitCode(), run.transcript());
    assertTrue(run.err().contains("none, platt, isotonic, auto"), run.err());
  }
}
