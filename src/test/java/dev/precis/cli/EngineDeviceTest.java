package dev.precis.cli;

import static dev.precis.cli.OneLineError.assertOneLineError;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Specifies that engine.device: gpu is refused, before any data is read, for every model type that
 * cannot train on a GPU (all but mlp, and mlp too on TensorFlow's CPU build), by train and by tune
 * for each type it searches.
 */
class EngineDeviceTest {
  @TempDir Path dir;

  @Test
  void trainRefusesTheGpuForACpuTypeBeforeReadingTheData() {
    CliRun run =
        CliRun.train(
            dir.resolve("no-such.csv"),
            dir.resolve("m.precis"),
            "--model",
            "forest",
            "--set",
            "engine.device=gpu");
    assertOneLineError(run, 2, "engine.device: gpu", "'forest' trains on the CPU only", "cpu");
  }

  @Test
  void logisticIsRefusedTooRatherThanTrainedOnTheCpuUnsaid() {
    CliRun run =
        CliRun.train(
            BankData.CSV,
            dir.resolve("m.precis"),
            "--model",
            "logistic",
            "--set",
            "engine.device=gpu");
    assertOneLineError(run, 2, "'logistic' trains on the CPU only");
  }

  @Test
  void mlpOnTheCpuBuildSaysHowToGetTheGpuBuild() {
    CliRun run =
        CliRun.train(
            dir.resolve("no-such.csv"),
            dir.resolve("m.precis"),
            "--model",
            "mlp",
            "--set",
            "engine.device=gpu");
    assertOneLineError(run, 2, "GPU build of TensorFlow", "-Ptf-gpu");
  }

  @Test
  void tuneChecksEveryTypeItSearches() {
    CliRun run =
        CliRun.precis(
            "tune",
            "--data",
            dir.resolve("no-such.csv").toString(),
            "--target",
            "y",
            "--set",
            "tune.models=[mlp, xgboost]",
            "--set",
            "engine.device=gpu",
            "--out",
            dir.resolve("tuned").toString());
    assertOneLineError(run, 2, "engine.device: gpu");
  }
}
