package dev.precis.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Specifies {@code -}: standard input for --data, standard output for an output, everywhere. */
class StandardStreamsTest {
  private static final String CONFIG = "sample-data/bank/bank.yaml";
  private static final Path DASH = Path.of("-");
  private static final byte[] NO_INPUT = new byte[0];

  @TempDir static Path shared;
  private static Path model;

  @TempDir Path dir;

  @BeforeAll
  static void trainModel() {
    model = shared.resolve("bank.precis");
    assertOk(
        CliRun.precis(
            "train", "--config", CONFIG, "--data", BankData.CSV.toString(), "--out", "" + model));
  }

  @AfterEach
  void noFileNamedDash() {
    assertFalse(Files.exists(DASH), "a file named '-' was written");
    assertFalse(Files.exists(Path.of("-.train-report.json")));
  }

  @Test
  void trainOutDashWritesAWorkingBundleOnStandardOutput() throws IOException {
    CliRun.Bytes run =
        CliRun.precisBytes(
            NO_INPUT, "train", "--config", CONFIG, "--data", "" + BankData.CSV, "--out", "-");
    assertEquals(0, run.exitCode(), run.err());
    assertEquals("PK", new String(run.out(), 0, 2, StandardCharsets.ISO_8859_1));
    Path bundle = Files.write(dir.resolve("piped.precis"), run.out());
    assertOk(predict(bundle, BankData.CSV.toString(), "-"));
  }

  @Test
  void trainOutDashWithJsonIsAUsageError() {
    CliRun run =
        CliRun.precis(
            "train", "--config", CONFIG, "--data", "" + BankData.CSV, "--out", "-", "--json");
    assertEquals(2, run.exitCode(), run.transcript());
    assertTrue(run.err().contains("standard output"), run.transcript());
  }

  @Test
  void evalOutDashPrintsTheReportOnStandardOutput() throws IOException {
    CliRun run =
        CliRun.precis("eval", "--model", "" + model, "--data", "" + BankData.CSV, "--out", "-");
    assertOk(run);
    assertEquals("precis.eval/2", new ObjectMapper().readTree(run.out()).get("schema").asText());
  }

  @Test
  void prepOutDashIsAUsageErrorThatSaysWhy() {
    CliRun run =
        CliRun.precis("prep", "--config", CONFIG, "--data", "" + BankData.CSV, "--out", "-");
    assertEquals(2, run.exitCode(), run.transcript());
    assertTrue(run.err().contains("standard output"), run.transcript());
  }

  @Test
  void predictDataDashScoresStandardInputLikeTheFile() throws IOException {
    CliRun fromFile = predict(model, BankData.CSV.toString(), "-");
    CliRun fromStdin =
        CliRun.precisWithStdin(
            Files.readAllBytes(BankData.CSV),
            "predict",
            "--model",
            "" + model,
            "--data",
            "-",
            "--out",
            "-");
    assertOk(fromStdin);
    assertEquals(BankData.ROWS + 1, fromStdin.out().lines().count());
    assertEquals(fromFile.out(), fromStdin.out());
  }

  @Test
  void predictDataDashReadsGzipDataOnStandardInputByItsSignature() throws IOException {
    ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
    try (OutputStream gzip = new GZIPOutputStream(gzipped)) {
      gzip.write(Files.readAllBytes(BankData.CSV));
    }
    CliRun fromStdin =
        CliRun.precisWithStdin(
            gzipped.toByteArray(), "predict", "--model", "" + model, "--data", "-", "--out", "-");
    assertOk(fromStdin);
    assertEquals(predict(model, BankData.CSV.toString(), "-").out(), fromStdin.out());
  }

  @Test
  void trainDataDashReadsStandardInputAndRecordsItsSha256() throws IOException {
    byte[] data = Files.readAllBytes(BankData.CSV);
    Path bundle = dir.resolve("stdin.precis");
    CliRun run =
        CliRun.precisWithStdin(
            data, "train", "--config", CONFIG, "--data", "-", "--out", "" + bundle);
    assertOk(run);
    JsonNode report = new ObjectMapper().readTree(dir.resolve("stdin.train-report.json").toFile());
    assertEquals("-", report.get("data").get("path").asText());
    assertEquals(sha256(data), report.get("data").get("sha256").asText());
    assertArrayEquals(
        predict(model, BankData.CSV.toString(), "-").out().getBytes(StandardCharsets.UTF_8),
        predict(bundle, BankData.CSV.toString(), "-").out().getBytes(StandardCharsets.UTF_8),
        "a model trained from standard input scores like one trained from the file");
  }

  @Test
  void aBadValueOnStandardInputIsNamedByItsLineOnStandardInput() {
    byte[] data = "a;b;y\n1;2;yes\nx;3;no\n1;4;no\n".getBytes(StandardCharsets.UTF_8);
    CliRun run =
        CliRun.precisWithStdin(
            data,
            "train",
            "--data",
            "-",
            "--target",
            "y",
            "--set",
            "data.types={a: numeric}",
            "--out",
            "" + dir.resolve("bad.precis"));
    OneLineError.assertOneLineError(run, 3, "precis: error: standard input:3: column 'a'");
  }

  private static CliRun predict(Path bundle, String data, String out) {
    return CliRun.precis("predict", "--model", "" + bundle, "--data", data, "--out", out);
  }

  private static void assertOk(CliRun run) {
    assertEquals(0, run.exitCode(), run.transcript());
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
