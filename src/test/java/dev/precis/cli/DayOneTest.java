package dev.precis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Specifies what a new user meets first: a failed gate says so under --quiet, --print-config needs
 * no outputs, thread counts are bounded, and tune's best.yaml travels with its data.
 */
class DayOneTest {
  private static final String DATA = BankData.CSV.toString();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @TempDir static Path shared;
  private static Path model;

  @TempDir Path tmp;

  @BeforeAll
  static void trainModel() {
    model = shared.resolve("bank.precis");
    CliRun run =
        CliRun.precis(
            "train",
            "--config",
            "sample-data/bank/bank.yaml",
            "--data",
            DATA,
            "--out",
            model.toString(),
            "--quiet");
    assertEquals(0, run.exitCode(), run.transcript());
  }

  // --- a failed gate is never silent -------------------------------------------------------------

  @Test
  void failedGateIsNamedWithValueAndLimitEvenUnderQuiet() {
    CliRun run = eval("--quiet", "--fail-under", "auc=0.99");
    assertEquals(4, run.exitCode(), run.transcript());
    List<String> lines = run.err().lines().toList();
    assertEquals(1, lines.size(), run.transcript());
    assertTrue(
        lines.get(0).matches("precis: gate failed: auc 0\\.\\d{4} < 0\\.99"), run.transcript());
  }

  @Test
  void eachFailedGateGetsOneLineAndPassedGatesNone() {
    CliRun run =
        eval(
            "--quiet",
            "--fail-under",
            "auc=0.99",
            "--fail-under",
            "accuracy=0.5",
            "--fail-under",
            "top_lift=30");
    assertEquals(4, run.exitCode(), run.transcript());
    List<String> lines = run.err().lines().toList();
    assertEquals(2, lines.size(), run.transcript());
    assertTrue(lines.get(0).startsWith("precis: gate failed: auc "), run.transcript());
    assertTrue(lines.get(1).matches("precis: gate failed: top_lift \\S+ < 30"), run.transcript());
  }

  @Test
  void passedGatesUnderQuietPrintNothing() {
    CliRun run = eval("--quiet", "--fail-under", "auc=0.5");
    assertEquals(0, run.exitCode(), run.transcript());
    assertEquals("", run.err(), run.transcript());
  }

  // --- --print-config needs only what the config is built from ----------------------------------

  @Test
  void printConfigNeedsNoOutputForPrepTrainAndTune() {
    for (String command : List.of("prep", "train", "tune")) {
      CliRun run =
          CliRun.precis(command, "--config", "sample-data/bank/bank.yaml", "--print-config");
      assertEquals(0, run.exitCode(), run.transcript());
      assertTrue(run.out().startsWith("version: 1"), run.transcript());
    }
  }

  @Test
  void printConfigNeedsNothingAtAll() {
    CliRun run = CliRun.precis("train", "--print-config");
    assertEquals(0, run.exitCode(), run.transcript());
    assertTrue(run.out().contains("model:"), run.transcript());
  }

  @Test
  void printConfigOfPredictAndEvalNeedsOnlyTheModel() throws IOException {
    for (String command : List.of("predict", "eval")) {
      CliRun run = CliRun.precis(command, "--model", model.toString(), "--print-config");
      assertEquals(0, run.exitCode(), run.transcript());
      JsonNode config = YAML.readTree(run.out());
      assertEquals("y", config.at("/data/target").asText(), run.transcript());
      assertEquals(DATA, config.at("/data/path").asText(), run.transcript());
    }
  }

  @Test
  void withoutPrintConfigTheOutputIsRequiredAsBefore() {
    CliRun run = CliRun.precis("train", "--data", DATA, "--target", "y");
    assertEquals(2, run.exitCode(), run.transcript());
    assertEquals(
        "precis: error: Missing required option: '--out=FILE'; run `precis train --help` for"
            + " usage\n",
        run.err());
  }

  @Test
  void withoutPrintConfigPredictNamesEveryMissingOption() {
    CliRun run = CliRun.precis("predict", "--model", model.toString());
    assertEquals(2, run.exitCode(), run.transcript());
    assertTrue(
        run.err().contains("Missing required options: '--out=FILE', '--data=FILE'"),
        run.transcript());
  }

  @Test
  void evalWithoutDataIsAUsageError() {
    CliRun run = CliRun.precis("eval", "--model", model.toString());
    assertEquals(2, run.exitCode(), run.transcript());
    assertTrue(run.err().contains("Missing required option: '--data=FILE'"), run.transcript());
  }

  // --- thread counts
  // ------------------------------------------------------------------------------

  @Test
  void threadsAboveTheMaximumAreRefusedNamingTheOption() {
    CliRun run =
        CliRun.precis(
            "predict",
            "--model",
            model.toString(),
            "--data",
            DATA,
            "--out",
            tmp.resolve("scores.csv").toString(),
            "--threads",
            "100000");
    assertEquals(2, run.exitCode(), run.transcript());
    assertTrue(
        run.err().contains("--threads 100000: engine.threads: must be between 0 and 1024"),
        run.transcript());
    assertFalse(Files.exists(tmp.resolve("scores.csv")), run.transcript());
  }

  @Test
  void parallelTrialsAboveTheMaximumAreRefusedNamingTheSet() {
    CliRun run =
        CliRun.precis(
            "tune",
            "--config",
            "sample-data/bank/bank.yaml",
            "--set",
            "tune.parallel=5000",
            "--out",
            tmp.resolve("tuned").toString());
    assertEquals(2, run.exitCode(), run.transcript());
    assertTrue(
        run.err().contains("--set tune.parallel=5000: tune.parallel: must be between 0 and 1024"),
        run.transcript());
  }

  // --- best.yaml
  // ----------------------------------------------------------------------------------

  @Test
  void bestYamlFindsItsDataAfterTheProjectMoves() throws IOException {
    Path project = Files.createDirectories(tmp.resolve("project"));
    Path data = Files.createDirectories(project.resolve("data")).resolve("bank.csv");
    Files.copy(BankData.CSV, data);
    CliRun tune =
        CliRun.precis(
            "tune",
            "--config",
            "sample-data/bank/bank.yaml",
            "--data",
            data.toString(),
            "--trials",
            "2",
            "--folds",
            "2",
            "--out",
            project.resolve("tuned").toString(),
            "--quiet");
    assertEquals(0, tune.exitCode(), tune.transcript());
    Path best = project.resolve("tuned/best.yaml");
    assertEquals("../data/bank.csv", YAML.readTree(best.toFile()).at("/data/path").asText());

    Path moved = Files.move(project, tmp.resolve("moved"));
    Path bundle = tmp.resolve("best.precis");
    CliRun train =
        CliRun.precis(
            "train",
            "--config",
            moved.resolve("tuned/best.yaml").toString(),
            "--out",
            bundle.toString(),
            "--quiet");
    assertEquals(0, train.exitCode(), train.transcript());
    assertTrue(Files.isRegularFile(bundle));
  }

  @Test
  void bestYamlNamesNoAbsoluteDataPath() throws IOException {
    Path tuned = tmp.resolve("tuned");
    CliRun tune =
        CliRun.precis(
            "tune",
            "--config",
            "sample-data/bank/bank.yaml",
            "--data",
            DATA,
            "--trials",
            "2",
            "--folds",
            "2",
            "--out",
            tuned.toString(),
            "--quiet");
    assertEquals(0, tune.exitCode(), tune.transcript());
    String path = YAML.readTree(tuned.resolve("best.yaml").toFile()).at("/data/path").asText();
    assertFalse(Path.of(path).isAbsolute(), path);
    CliRun printed =
        CliRun.precis("train", "--config", tuned.resolve("best.yaml").toString(), "--print-config");
    String resolved = YAML.readTree(printed.out()).at("/data/path").asText();
    assertEquals(BankData.CSV.toAbsolutePath(), Path.of(resolved).toAbsolutePath().normalize());
  }

  private static CliRun eval(String... extra) {
    List<String> args =
        new ArrayList<>(List.of("eval", "--model", model.toString(), "--data", DATA));
    args.addAll(List.of(extra));
    return CliRun.precis(args);
  }
}
