package dev.precis.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.precis.config.Mappers;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Specifies mlp bundles across the {@code members} parameter: one saved before ensembles (weights
 * format 1, see fixtures/SOURCE.md) still scores as it did, one member trains those very weights
 * again, and an ensemble trains, reports each member's epochs, and explains its rows by occlusion
 * of its averaged score.
 */
class MlpEnsembleBundleTest {
  private static final Path FIXTURES = Path.of("src/test/resources/fixtures");

  @TempDir Path dir;

  @Test
  void oneNetworkBundleFromBeforeEnsemblesScoresAsItDid() throws IOException {
    Path out = dir.resolve("scores.csv");
    CliRun run =
        CliRun.predict(
            FIXTURES.resolve("bank200-mlp-weights1.precis"),
            FIXTURES.resolve("bank-rows-3901-4000.csv"),
            out);
    assertEquals(0, run.exitCode(), run.transcript());
    assertEquals(
        Files.readString(FIXTURES.resolve("bank200-mlp-weights1.scores.csv")),
        Files.readString(out));
  }

  @Test
  void oneMemberTrainsTheSameWeightsAsBeforeEnsembles() throws IOException {
    Path data = BankData.write(dir.resolve("bank-200.csv"), BankData.lines().subList(0, 201));
    Path model = dir.resolve("one.precis");
    CliRun run =
        CliRun.precis(
            "train",
            "--config",
            "sample-data/bank/bank.yaml",
            "--data",
            data.toString(),
            "--model",
            "mlp",
            "--set",
            "model.params.hidden=[8]",
            "--set",
            "model.params.epochs=3",
            "--set",
            "model.params.members=1",
            "--out",
            model.toString(),
            "--quiet");
    assertEquals(0, run.exitCode(), run.transcript());
    assertArrayEquals(entry(FIXTURES.resolve("bank200-mlp-weights1.precis")), entry(model));
  }

  private static byte[] entry(Path bundle) throws IOException {
    try (ZipFile zip = new ZipFile(bundle.toFile());
        InputStream in = zip.getInputStream(zip.getEntry("model.mlp.json"))) {
      return in.readAllBytes();
    }
  }

  @Test
  void anEnsembleReportsEachMemberAndExplainsItsAveragedScore() throws IOException {
    Path model = dir.resolve("ensemble.precis");
    CliRun train =
        CliRun.train(
            BankData.CSV,
            model,
            "--quiet",
            "--model",
            "mlp",
            "--set",
            "data.drop=[duration]",
            "--set",
            "model.params.hidden=[8]",
            "--set",
            "model.params.epochs=3",
            "--set",
            "model.params.members=2");
    assertEquals(0, train.exitCode(), train.transcript());
    JsonNode fit =
        Mappers.json().readTree(dir.resolve("ensemble.train-report.json").toFile()).get("fit");
    assertEquals(2, fit.get("members").size(), fit.toString());
    assertEquals(
        Math.round(
            (fit.get("members").get(0).get("best_epoch").asInt()
                    + fit.get("members").get(1).get("best_epoch").asInt())
                / 2.0),
        fit.get("best_epoch").asInt());

    Path out = dir.resolve("explained.csv");
    Path summary = dir.resolve("explained.json");
    CliRun explain =
        CliRun.predict(model, BankData.CSV, out, "--explain", "2", "--summary", summary.toString());
    assertEquals(0, explain.exitCode(), explain.transcript());
    assertEquals(
        "occlusion", Mappers.json().readTree(summary.toFile()).get("explanation").asText());
    List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
    assertEquals("score,decile,reason1,reason2", lines.get(0));
    assertEquals(BankData.ROWS + 1, lines.size());
  }
}
