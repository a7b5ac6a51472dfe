package dev.precis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Specifies that output lost on its way to standard output (a full disk, a reader that closed the
 * pipe) is an error, never exit 0: a cron job must not take a cut-off file for a whole one.
 */
class StandardOutputFailureTest {
  @TempDir static Path dir;
  private static Path model;

  @BeforeAll
  static void train() {
    model = dir.resolve("bank.precis");
    CliRun run = CliRun.train(BankData.CSV, model, "--quiet");
    assertEquals(0, run.exitCode(), run.transcript());
  }

  @Test
  void scoresThatCannotBeWrittenToStandardOutputAreAUsageError() {
    Result run =
        withFullStandardOutput(
            "predict", "--model", "" + model, "--data", "" + BankData.CSV, "--out", "-", "--quiet");
    assertEquals(2, run.code(), run.err());
    assertTrue(run.err().startsWith("precis: error: "), run.err());
    assertEquals(1, run.err().lines().count(), run.err());
  }

  @Test
  void aReportThatCannotBeWrittenToStandardOutputIsAUsageError() {
    Result run =
        withFullStandardOutput(
            "eval", "--model", "" + model, "--data", "" + BankData.CSV, "--json", "--quiet");
    assertEquals(2, run.code(), run.err());
    assertTrue(run.err().contains("standard output: cannot write"), run.err());
  }

  private record Result(int code, String err) {}

  /** Runs with a standard output that fails every write, as a full disk does. */
  private static Result withFullStandardOutput(String... args) {
    OutputStream full =
        new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            throw new IOException("No space left on device");
          }
        };
    StringWriter err = new StringWriter();
    int code =
        Main.run(new ByteArrayInputStream(new byte[0]), full, new PrintWriter(err, true), args);
    return new Result(code, err.toString());
  }
}
