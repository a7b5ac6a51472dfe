package dev.precis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Specifies where the engine's (Tribuo's) log goes: to the error writer the command was given, as
 * much of it as --quiet or --verbose asks for, and only while the command runs.
 */
class EngineLogTest {
  /** What Tribuo's SGD trainers log at INFO when they start. */
  private static final String TRIBUO_LINE = "Training SGD model with 2883 examples";

  @TempDir Path tmp;

  @Test
  void verboseSendsTheEngineLogToTheErrorWriter() {
    CliRun run = train("--verbose");
    assertEquals(0, run.exitCode(), run.transcript());
    assertTrue(run.err().contains(TRIBUO_LINE), run.transcript());
    assertTrue(run.err().contains("INFO: "), run.transcript());
  }

  @Test
  void withoutVerboseTheEngineLogsOnlyErrors() {
    CliRun run = train();
    assertEquals(0, run.exitCode(), run.transcript());
    assertFalse(run.err().contains(TRIBUO_LINE), run.transcript());
  }

  @Test
  void quietPrintsNothingOnStandardError() {
    CliRun run = train("--quiet");
    assertEquals(0, run.exitCode(), run.transcript());
    assertEquals("", run.err());
  }

  @Test
  void runsInARowEachPrintTheirOwnLogOnce() {
    train("--verbose");
    CliRun second = train("--verbose");
    assertEquals(1, occurrences(second.err(), TRIBUO_LINE), second.transcript());
  }

  @Test
  void aRunLeavesTheRootLoggerAsItFoundIt() {
    Logger root = Logger.getLogger("");
    List<Handler> handlers = List.of(root.getHandlers());
    Level level = root.getLevel();
    train("--verbose");
    assertEquals(handlers, List.of(root.getHandlers()));
    assertEquals(level, root.getLevel());
  }

  private CliRun train(String... options) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "train",
                "--data",
                BankData.CSV.toString(),
                "--target",
                "y",
                "--set",
                "prep.missing.tokens=[unknown]",
                "--out",
                tmp.resolve("bank.precis").toString(),
                "--force"));
    args.addAll(List.of(options));
    return CliRun.precis(args);
  }

  private static int occurrences(String text, String line) {
    return text.split(java.util.regex.Pattern.quote(line), -1).length - 1;
  }
}
