package dev.precis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.precis.model.ModelCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Specifies `precis train`: the quick start, held-out quality, reproducibility, and its output
 * options.
 */
class TrainCommandTest {
  private static final String BANK_CONFIG = "sample-data/bank/bank.yaml";
  private static final String BANK_SAMPLE = "sample-data/bank/bank-additional.csv";
  private static final String SPLIT = "src/test/resources/bank-split-seed42/";

  /** How the bank data must be read: the target, and no leaking call duration. */
  private static final List<String> BANK_OPTIONS =
      List.of(
          "--target",
          "y",
          "--positive",
          "yes",
          "--set",
          "data.drop=[duration]",
          "--set",
          "prep.missing.tokens=[unknown]");

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  @Test
  void readmeQuickStartTrainsTheBankModelTest() throws IOException {
    Path bundle = tmp.resolve("bank.precis");
    CliRun run = train("--config", BANK_CONFIG, "--out", bundle.toString());
    assertTrue(Files.isRegularFile(bundle), run.transcript());
    JsonNode report = JSON.readTree(tmp.resolve("bank.train-report.json").toFile());
    assertEquals("precis.train/1", report.path("schema").asText());
    assertTrue(
        report.at("/metrics/valid/auc").asDouble() > 0.75, report.at("/metrics/valid").toString());
    assertTrue(
        report.at("/metrics/test/auc").asDouble() > 0.75, report.at("/metrics/test").toString());
    assertTrue(run.err().contains("AUC"), run.transcript());
  }

  @Test
  void logisticReachesAuc079OnHeldOutTest() throws IOException {
    double auc = heldOutAuc("logistic");
    assertTrue(auc >= 0.79, "held-out AUC " + auc);
  }

  @Test
  void mlpReachesAuc079OnHeldOutTest() throws IOException {
    double auc = heldOutAuc("mlp");
    assertTrue(auc >= 0.79, "held-out AUC " + auc);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"logistic", "mlp"})
  void sameSeedGivesIdenticalPredictionsTest(String model) throws IOException {
    Path first = predictions("first", model, "42");
    Path second = predictions("second", model, "42");
    assertEquals(
        -1L,
        Files.mismatch(first, second),
        model + " with seed 42 twice: first differing byte of the score files");
  }

  @Test
  void differentSeedGivesDifferentModelTest() throws IOException {
    Path seed42 = predictions("seed42", "logistic", "42");
    Path seed7 = predictions("seed7", "logistic", "7");
    assertNotEquals(-1L, Files.mismatch(seed42, seed7), "seeds 42 and 7 scored every row alike");
  }

  @Test
  void printConfigPrintsResolvedYamlAndWritesNothingTest() throws IOException {
    CliRun run =
        train(
            "--data",
            BANK_SAMPLE,
            "--target",
            "y",
            "--set",
            "model.params.learning_rate=0.05",
            "--out",
            tmp.resolve("never.precis").toString(),
            "--print-config");
    JsonNode config = new ObjectMapper(new YAMLFactory()).readTree(run.out());
    assertEquals(BANK_SAMPLE, config.at("/data/path").asText(), run.transcript());
    assertEquals("y", config.at("/data/target").asText(), run.transcript());
    assertEquals(0.05, config.at("/model/params/learning_rate").asDouble(), run.transcript());
    Object defaultEpochs = ModelCatalog.type("logistic").param("epochs").defaultValue();
    assertEquals(
        String.valueOf(defaultEpochs),
        config.at("/model/params/epochs").asText(),
        run.transcript());
    try (Stream<Path> written = Files.list(tmp)) {
      assertEquals(List.of(), written.toList());
    }
  }

  @Test
  void jsonPrintsTheTrainReportOnStdoutTest() throws IOException {
    CliRun run = trainSample(tmp.resolve("model.precis"), "--json");
    JsonNode printed = JSON.readTree(run.out());
    assertEquals("precis.train/1", printed.path("schema").asText(), run.transcript());
    assertEquals(JSON.readTree(tmp.resolve("model.train-report.json").toFile()), printed);
  }

  @Test
  void quietLeavesStderrEmptyOnSuccessTest() {
    Path bundle = tmp.resolve("model.precis");
    CliRun run = trainSample(bundle, "--quiet");
    assertEquals("", run.err());
    assertTrue(Files.isRegularFile(bundle), run.transcript());
  }

  @Test
  void trainFromPrepDirectoryMatchesTrainFromRawFileTest() throws IOException {
    Path prepared = tmp.resolve("prepared");
    CliRun prep =
        CliRun.precis(
            "prep", "--config", BANK_CONFIG, "--data", BANK_SAMPLE, "--out", prepared.toString());
    assertEquals(0, prep.exitCode(), prep.transcript());
    JsonNode fromDir =
        JSON.readTree(
            train(
                    "--config",
                    BANK_CONFIG,
                    "--data",
                    prepared.toString(),
                    "--out",
                    tmp.resolve("from-dir.precis").toString(),
                    "--json")
                .out());
    JsonNode fromRaw =
        JSON.readTree(
            train(
                    "--config",
                    BANK_CONFIG,
                    "--data",
                    BANK_SAMPLE,
                    "--out",
                    tmp.resolve("from-raw.precis").toString(),
                    "--json")
                .out());
    for (String part : List.of("valid", "test")) {
      String auc = "/metrics/" + part + "/auc";
      assertTrue(fromRaw.at(auc).isNumber(), fromRaw.path("metrics").toString());
      assertEquals(fromRaw.at(auc).asDouble(), fromDir.at(auc).asDouble(), 1e-9, part);
    }
  }

  /** Runs `precis train` with these arguments and checks that it succeeded. */
  private static CliRun train(String... args) {
    List<String> command = new ArrayList<>(List.of("train"));
    command.addAll(List.of(args));
    CliRun run = CliRun.precis(command);
    assertEquals(0, run.exitCode(), run.transcript());
    return run;
  }

  /** Trains on the 10% bank sample, read as the bank data must be. */
  private static CliRun trainSample(Path bundle, String... extra) {
    List<String> args = new ArrayList<>(List.of("--data", BANK_SAMPLE));
    args.addAll(BANK_OPTIONS);
    args.addAll(List.of("--out", bundle.toString()));
    args.addAll(List.of(extra));
    return train(args.toArray(new String[0]));
  }

  /** The acceptance test of the seed-42 split: train on its train.csv, eval on its test.csv. */
  private double heldOutAuc(String model) throws IOException {
    Path bundle = tmp.resolve(model + ".precis");
    List<String> args = new ArrayList<>(List.of("--data", SPLIT + "train.csv", "--model", model));
    args.addAll(BANK_OPTIONS);
    args.addAll(List.of("--set", "prep.split.test=0", "--out", bundle.toString(), "--quiet"));
    train(args.toArray(new String[0]));
    CliRun eval =
        CliRun.precis("eval", "--model", bundle.toString(), "--data", SPLIT + "test.csv", "--json");
    assertEquals(0, eval.exitCode(), eval.transcript());
    return JSON.readTree(eval.out()).at("/metrics/auc").asDouble();
  }

  /** Trains a model with this seed and scores the 10% sample with it; returns the score file. */
  private Path predictions(String name, String model, String seed) {
    Path bundle = tmp.resolve(name + ".precis");
    trainSample(bundle, "--model", model, "--seed", seed, "--quiet");
    Path scores = tmp.resolve(name + ".csv");
    CliRun predict =
        CliRun.precis(
            "predict",
            "--model",
            bundle.toString(),
            "--data",
            BANK_SAMPLE,
            "--out",
            scores.toString(),
            "--quiet");
    assertEquals(0, predict.exitCode(), predict.transcript());
    return scores;
  }
}
