package dev.precis.cli;

import static dev.precis.cli.OneLineError.assertOneLineError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.precis.config.Mappers;
import dev.precis.data.CsvTable;
import dev.precis.data.RowEncoder;
import dev.precis.data.SparseRows;
import dev.precis.model.ModelBundle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Specifies `--model xgboost` through the command line: a quiet run prints nothing, the saved
 * bundle's predict and eval give the scores train's model gave, and a GPU is refused in one line.
 */
class XGBoostCommandTest {
  private static final List<String> QUICK =
      List.of(
          "--model",
          "xgboost",
          "--set",
          "data.drop=[duration]",
          "--set",
          "model.params.learning_rate=0.3",
          "--set",
          "model.params.early_stopping_rounds=5");

  @TempDir static Path dir;
  private static Path model;
  private static CliRun train;

  @BeforeAll
  static void trainQuietly() {
    model = dir.resolve("xgb.precis");
    train = CliRun.train(BankData.CSV, model, CliRun.concat(QUICK, "--quiet"));
  }

  /** Every row of the bank file scored by the bundle's own (read back) scorer. */
  private static double[] scoresOfEveryRow(ModelBundle bundle) {
    CsvTable table = CsvTable.read(BankData.CSV, bundle.config().data());
    RowEncoder encoder = bundle.pipeline().encoder(table.file(), table.columns());
    SparseRows x = new SparseRows(encoder.featureCount());
    for (int r = 0; r < table.rowCount(); r++) {
      encoder.encode(table.row(r), x);
    }
    return bundle.scorer().score(x);
  }

  @Test
  void quietTrainingPrintsNothing() {
    assertEquals(0, train.exitCode(), train.transcript());
    assertEquals("", train.out());
    assertEquals("", train.err());
  }

  @Test
  void trainReportShowsTheRoundKept() throws IOException {
    JsonNode report =
        Mappers.json().readTree(dir.resolve("xgb.train-report.json").toFile()).get("fit");
    assertTrue(report.get("best_round").asInt() > 0, report.toString());
    assertEquals(report.get("best_round").asInt() + 5, report.get("rounds_run").asInt());
  }

  @Test
  void predictGivesTheBundlesScores() {
    double[] expected = scoresOfEveryRow(ModelBundle.read(model));
    CliRun run =
        CliRun.precis(
            "predict",
            "--model",
            model.toString(),
            "--data",
            BankData.CSV.toString(),
            "--out",
            "-");
    assertEquals(0, run.exitCode(), run.transcript());
    List<String> lines = run.out().lines().toList();
    assertEquals("score", lines.get(0).split(",")[0]);
    assertEquals(expected.length + 1, lines.size());
    for (int r = 0; r < expected.length; r++) {
      assertEquals(expected[r], Double.parseDouble(lines.get(r + 1).split(",")[0]), 5e-7);
    }
  }

  @Test
  void evalMeasuresTheBundlesScores() throws IOException {
    double[] scores = scoresOfEveryRow(ModelBundle.read(model));
    List<String> labels =
        BankData.lines().stream().skip(1).map(l -> BankData.fields(l).get(20)).toList();
    double loss = 0;
    for (int r = 0; r < scores.length; r++) {
      loss -= Math.log(labels.get(r).equals("\"yes\"") ? scores[r] : 1 - scores[r]);
    }
    CliRun run =
        CliRun.precis(
            "eval", "--model", model.toString(), "--data", BankData.CSV.toString(), "--json");
    assertEquals(0, run.exitCode(), run.transcript());
    JsonNode metrics = Mappers.json().readTree(run.out()).get("metrics");
    assertEquals(loss / scores.length, metrics.get("log_loss").asDouble(), 1e-9);
  }

  @Test
  void gpuIsRefusedInOneLine() {
    CliRun run =
        CliRun.train(
            BankData.CSV,
            dir.resolve("gpu.precis"),
            CliRun.concat(QUICK, "--set", "engine.device=gpu"));
    assertOneLineError(run, 2, "engine.device", "xgboost", "cpu");
  }
}
