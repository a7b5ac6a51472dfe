package dev.precis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Specifies that a prep directory records the form of features its pipeline gives (the needs of
 * prep's model type), and that train refuses a model type those features do not serve instead of
 * fitting it on the wrong form of numbers.
 */
class PreparedNeedsTest {

  @TempDir static Path dir;
  private static Path forLogistic;
  private static Path forXgboost;

  @BeforeAll
  static void prepare() {
    forLogistic = prep("logistic");
    forXgboost = prep("xgboost");
  }

  private static Path prep(String model) {
    Path out = dir.resolve("prep-" + model);
    CliRun run =
        CliRun.precis(
            "prep",
            "--data",
            BankData.CSV.toString(),
            "--target",
            "y",
            "--model",
            model,
            "--out",
            out.toString());
    assertEquals(0, run.exitCode(), run.transcript());
    return out;
  }

  private static CliRun train(Path data, String model) {
    return CliRun.precis(
        "train",
        "--data",
        data.toString(),
        "--model",
        model,
        "--out",
        dir.resolve(model + "-on-" + data.getFileName() + ".precis").toString(),
        "--force");
  }

  @Test
  void prepRecordsTheFormOfItsFeatures() throws IOException {
    assertTrue(
        Files.readString(forXgboost.resolve("prepared.json")).contains("\"numbers\" : \"raw\""));
    assertTrue(
        Files.readString(forLogistic.resolve("prepared.json"))
            .contains("\"numbers\" : \"scaled\""));
  }

  @Test
  void scaledFeaturesDoNotServeNaiveBayes() {
    OneLineError.assertOneLineError(
        train(forLogistic, "naive-bayes"),
        2,
        "prep encoded it with numbers scaled as prep.scale says",
        "needs numbers min-max scaled into [0, 1]",
        "run `precis prep` again with that --model");
  }

  @Test
  void unscaledFeaturesDoNotServeALinearModel() {
    OneLineError.assertOneLineError(
        train(forXgboost, "logistic"), 2, "prep encoded it with numbers as they are");
  }

  @Test
  void treesTakeNumbersInAnyForm() {
    CliRun run = train(forLogistic, "tree");
    assertEquals(0, run.exitCode(), run.transcript());
  }

  @Test
  void theModelTypePrepWasForTrainsOnIt() {
    assertEquals(0, train(forXgboost, "xgboost").exitCode());
  }
}
