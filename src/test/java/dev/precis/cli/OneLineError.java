package dev.precis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

/**
 * The shape of every failure: the documented exit code and one "precis: error:" line, the last on
 * standard error, in plain words: no stack trace, no library text, no raw bytes.
 */
final class OneLineError {
  private static final String ERROR = "precis: error: ";

  private OneLineError() {}

  /** The run failed so, and its error line holds every fragment. */
  static void assertOneLineError(CliRun run, int exitCode, String... fragments) {
    assertEquals(exitCode, run.exitCode(), run.transcript());
    List<String> lines = run.err().lines().toList();
    assertEquals(
        1,
        lines.stream().filter(l -> l.startsWith("precis:")).count(),
        "one error line\n" + run.transcript());
    String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    assertTrue(last.startsWith(ERROR), "ends with the error line\n" + run.transcript());
    assertFalse(run.err().contains("\tat "), "no stack trace\n" + run.transcript());
    for (String library : List.of("Exception", "java.", "REDACTED", "Protocol message", "null)")) {
      assertFalse(last.contains(library), "no library text\n" + run.transcript());
    }
    assertTrue(
        last.chars().noneMatch(c -> Character.isISOControl(c) || c == '\uFFFD'),
        "no raw bytes\n" + run.transcript());
    for (String fragment : fragments) {
      assertTrue(last.contains(fragment), "says " + fragment + "\n" + run.transcript());
    }
  }
}
