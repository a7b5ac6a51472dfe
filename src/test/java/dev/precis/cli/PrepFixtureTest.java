package dev.precis.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Specifies that a prep directory and a bundle written by Precis 0.1.0, whose pipeline.json is in
 * format 1 (see fixtures/SOURCE.md), still train and score, and that prep still writes the same
 * parts.
 */
class PrepFixtureTest {
  private static final Path FIXTURES = Path.of("src/test/resources/fixtures");
  private static final Path PREP = FIXTURES.resolve("prep-0.1.0");
  private static final Path BUNDLE = FIXTURES.resolve("bank200-logistic-0.1.0.precis");
  private static final String CONFIG = "sample-data/bank/bank.yaml";

  @TempDir Path dir;

  @Test
  void prepWritesThePartsThat010WroteForTheSameRows() throws IOException {
    Path data = BankData.write(dir.resolve("bank-200.csv"), BankData.lines().subList(0, 201));
    Path out = dir.resolve("prep");
    CliRun run =
        CliRun.precis(
            "prep", "--config", CONFIG, "--data", data.toString(), "--out", out.toString());
    assertEquals(0, run.exitCode(), run.transcript());
    for (String part : new String[] {"train.csv", "valid.csv", "test.csv"}) {
      assertArrayEquals(
          Files.readAllBytes(PREP.resolve(part)), Files.readAllBytes(out.resolve(part)), part);
    }
    assertTrue(Files.readString(out.resolve("pipeline.json")).contains("\"format\" : 2"));
  }

  @Test
  void trainReadsAPrepDirectoryThat010Wrote() {
    CliRun run =
        CliRun.precis(
            "train",
            "--config",
            CONFIG,
            "--data",
            PREP.toString(),
            "--out",
            dir.resolve("m.precis").toString());
    assertEquals(0, run.exitCode(), run.transcript());
  }

  @Test
  void bundleOf010ScoresAPartOfItsPrepDirectoryAsItDid() throws IOException {
    Path out = dir.resolve("scores.csv");
    CliRun run =
        CliRun.precis(
            "predict",
            "--model",
            BUNDLE.toString(),
            "--data",
            PREP.resolve("test.csv").toString(),
            "--out",
            out.toString());
    assertEquals(0, run.exitCode(), run.transcript());
    assertEquals(
        Files.readString(FIXTURES.resolve("bank200-logistic-0.1.0.test-scores.csv")),
        Files.readString(out));
  }
}
