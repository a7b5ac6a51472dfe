package dev.precis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Specifies that tune cross-validates the same rows on a raw file and on its prep directory. */
class TuneRowsTest {
  private static final String BANK_CONFIG = "sample-data/bank/bank.yaml";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  @Test
  void prepDirectoryAndRawFileCrossValidateEveryRowButTheTestPartTest() throws IOException {
    Path prepared = tmp.resolve("prepared");
    succeeded(
        CliRun.precis(
            "prep",
            "--config",
            BANK_CONFIG,
            "--data",
            BankData.CSV.toString(),
            "--out",
            prepared.toString()));
    long testRows =
        JSON.readTree(prepared.resolve("prep-report.json").toFile())
            .at("/splits/test/rows")
            .asLong();
    JsonNode fromRaw = tune(BankData.CSV, tmp.resolve("raw"));
    JsonNode fromDir = tune(prepared, tmp.resolve("dir"));
    assertEquals(BankData.ROWS - testRows, fromRaw.path("rows").asLong(), fromRaw.toString());
    assertEquals(fromRaw.path("rows").asLong(), fromDir.path("rows").asLong());
  }

  /** The leaderboard of a one-trial, two-fold logistic search of {@code data}. */
  private static JsonNode tune(Path data, Path out) throws IOException {
    succeeded(
        CliRun.precis(
            "tune",
            "--config",
            BANK_CONFIG,
            "--data",
            data.toString(),
            "--trials",
            "1",
            "--folds",
            "2",
            "--out",
            out.toString(),
            "-q"));
    return JSON.readTree(out.resolve("leaderboard.json").toFile());
  }

  private static void succeeded(CliRun run) {
    assertEquals(0, run.exitCode(), run.transcript());
  }
}
