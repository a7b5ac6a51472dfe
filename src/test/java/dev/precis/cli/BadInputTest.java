package dev.precis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Specifies how precis answers bad input: one "precis: error:" line on standard error that says
 * where (file:line, or the key) and how to fix it, the documented exit code, and nothing written.
 */
class BadInputTest {
  private static final int DATA = 3;
  private static final int USAGE = 2;
  private static final String ERROR = "precis: error: ";
  private static final int BAD_LINE = 6;

  @TempDir Path dir;

  // ---- data errors (exit 3)

  @Test
  void missingDataFile() {
    CliRun run = train(dir.resolve("absent.csv"));
    assertError(run, DATA, "absent.csv", "check the path");
  }

  @Test
  void emptyFile() {
    Path data = write("empty.csv", List.of());
    assertError(train(data), DATA, "empty.csv", "empty", "expected a header line and data rows");
  }

  @Test
  void headerOnlyFile() {
    Path data = write("header.csv", BankData.lines().subList(0, 1));
    assertError(train(data), DATA, "header.csv", "no data rows");
  }

  @Test
  void rowWithTheWrongNumberOfFields() {
    List<String> lines = new ArrayList<>(BankData.lines().subList(0, 60));
    int shortLine = 51;
    String full = lines.get(shortLine - 1);
    lines.set(shortLine - 1, full.substring(0, full.indexOf(';', full.length() / 2)));
    Path data = write("short.csv", lines);
    assertError(
        train(data),
        DATA,
        "short.csv:" + shortLine + ":",
        "expected " + BankData.FIELDS + " fields",
        "delimiter");
  }

  @Test
  void nonNumericValueInAColumnDeclaredNumeric() {
    assertError(
        train(withBadAge(), "--set", "data.types.age=numeric"),
        DATA,
        "bad-age.csv:" + BAD_LINE + ":",
        "'age'",
        "fix the value");
  }

  @Test
  void nonNumericValueInAColumnInferredNumeric() {
    assertError(
        train(withBadAge()), DATA, "bad-age.csv:" + BAD_LINE + ":", "'age'", "fix the value");
  }

  @Test
  void targetColumnAbsentSuggestsTheNearestColumn() {
    assertError(trainFor(BankData.CSV, "yy"), DATA, "'yy'", "data.target", "did you mean 'y'");
  }

  @Test
  void targetWithOneClass() {
    int target = BankData.column("y");
    Path data =
        write(
            "one-class.csv",
            BankData.mapRows(BankData.lines(), row -> BankData.withField(row, target, "\"no\"")));
    assertError(
        train(data), DATA, "one-class.csv", "'y'", "single value", "responders and non-responders");
  }

  @Test
  void stacktraceOnADataErrorStillExits3AndAddsTheTrace() {
    CliRun run = train(withBadAge(), "--stacktrace");
    assertEquals(DATA, run.exitCode(), run.transcript());
    assertTrue(run.err().contains("\tat dev.precis."), run.transcript());
    assertTrue(
        lastLine(run).startsWith(ERROR) && lastLine(run).contains("'age'"), run.transcript());
  }

  // ---- usage and config errors (exit 2)

  @Test
  void unknownModelTypeListsTheTypes() {
    assertError(
        train(BankData.CSV, "--model", "xgbost"), USAGE, "model.type", "'xgbost'", "logistic, mlp");
  }

  @Test
  void existingOutputWithoutForceIsKept() throws IOException {
    Path model = Files.writeString(dir.resolve("model.precis"), "an older model");
    assertError(train(BankData.CSV), USAGE, "model.precis", "already exists", "--force");
    assertEquals("an older model", Files.readString(model));
  }

  @Test
  void unknownConfigKeySuggestsTheNearestKey() {
    Path config = write("cfg.yaml", List.of("version: 1", "data:", "  tagret: y"));
    assertError(
        train(BankData.CSV, "--config", config.toString()),
        USAGE,
        "cfg.yaml:3",
        "data.tagret",
        "did you mean 'data.target'");
  }

  @Test
  void wrongTypeForAConfigKey() {
    Path config = write("cfg.yaml", List.of("version: 1", "tune:", "  trials: many"));
    CliRun run =
        precis(
            List.of(
                "tune",
                "--data",
                BankData.CSV.toString(),
                "--target",
                "y",
                "--config",
                config.toString(),
                "--out",
                dir.resolve("tuned").toString()));
    assertError(run, USAGE, "cfg.yaml:3", "tune.trials", "'many'", "whole number");
  }

  @Test
  void outOfRangeValueSaysTheRange() {
    CliRun run = train(BankData.CSV, "--set", "prep.split.valid=2");
    assertError(run, USAGE, "prep.split.valid", "between");
    assertTrue(errorLine(run).matches(".*between \\d[\\d.]* and \\d[\\d.]*.*"), run.transcript());
  }

  @Test
  void unknownModelParameterSuggestsTheNearest() {
    assertError(
        train(BankData.CSV, "--set", "model.params.epocs=3"),
        USAGE,
        "model.params.epocs",
        "did you mean 'epochs'");
  }

  @Test
  void missingConfigFile() {
    assertError(
        train(BankData.CSV, "--config", dir.resolve("absent.yaml").toString()),
        USAGE,
        "absent.yaml",
        "--config");
  }

  @Test
  void setWithoutEquals() {
    assertError(
        train(BankData.CSV, "--set", "model.type"), USAGE, "--set model.type", "key.path=value");
  }

  @Test
  void unknownOptionSaysToRunHelp() {
    assertError(train(BankData.CSV, "--frobnicate"), USAGE, "--frobnicate", "--help");
  }

  @Test
  void noCommandIsAUsageErrorThatListsTheCommands() {
    CliRun run = precis(List.of());
    assertEquals(USAGE, run.exitCode(), run.transcript());
    assertTrue(errorLine(run).startsWith(ERROR + "no command given"), run.transcript());
    for (String command : List.of("prep", "train", "eval", "tune", "predict")) {
      assertTrue(
          run.err().contains("  " + command + " "), "lists " + command + "\n" + run.transcript());
    }
    assertEquals("", run.out());
  }

  // ---- helpers

  /** `precis train` on a file, predicting y, into this test's directory. */
  private CliRun train(Path data, String... options) {
    return trainFor(data, "y", options);
  }

  private CliRun trainFor(Path data, String target, String... options) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "train",
                "--data",
                data.toString(),
                "--target",
                target,
                "--out",
                dir.resolve("model.precis").toString()));
    args.addAll(List.of(options));
    return precis(args);
  }

  /**
   * Runs precis and checks that it left no file (output, report, temporary) in this test's
   * directory.
   */
  private CliRun precis(List<String> args) {
    Set<String> before = BankData.listing(dir);
    CliRun run = CliRun.precis(args);
    assertEquals(before, BankData.listing(dir), "files left behind\n" + run.transcript());
    return run;
  }

  /**
   * The run failed with {@code exitCode} and one error line, the last thing on standard error,
   * holding every fragment, without a stack trace.
   */
  private static void assertError(CliRun run, int exitCode, String... fragments) {
    assertEquals(exitCode, run.exitCode(), run.transcript());
    long precisLines = run.err().lines().filter(l -> l.startsWith("precis:")).count();
    assertEquals(1, precisLines, "one error line\n" + run.transcript());
    assertTrue(
        lastLine(run).startsWith(ERROR), "ends with a '" + ERROR + "' line\n" + run.transcript());
    assertFalse(run.err().contains("\tat "), "no stack trace\n" + run.transcript());
    for (String fragment : fragments) {
      assertTrue(errorLine(run).contains(fragment), "says " + fragment + "\n" + run.transcript());
    }
  }

  private static String errorLine(CliRun run) {
    return run.err().lines().filter(l -> l.startsWith("precis:")).findFirst().orElse("");
  }

  private static String lastLine(CliRun run) {
    List<String> lines = run.err().lines().toList();
    return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
  }

  /** The bank file with one row's age, at {@link #BAD_LINE}, replaced by words. */
  private Path withBadAge() {
    return write("bad-age.csv", BankData.withValue(BAD_LINE, "age", "forty-one"));
  }

  private Path write(String name, List<String> lines) {
    return BankData.write(dir.resolve(name), lines);
  }
}
