package dev.precis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Specifies that an mlp bundle from before the mlp saved plain weights (a Tribuo TensorFlow model,
 * see fixtures/SOURCE.md) still scores as it did when it was made.
 */
class OldMlpBundleTest {
  private static final Path FIXTURES = Path.of("src/test/resources/fixtures");

  @TempDir Path dir;

  @Test
  void tribuoTensorFlowMlpBundleScoresAsItDid() throws IOException {
    Path out = dir.resolve("scores.csv");
    CliRun run =
        CliRun.predict(
            FIXTURES.resolve("bank200-mlp-tribuo.precis"),
            FIXTURES.resolve("prep-0.1.0/test.csv"),
            out);
    assertEquals(0, run.exitCode(), run.transcript());
    assertEquals(
        Files.readString(FIXTURES.resolve("bank200-mlp-tribuo.test-scores.csv")),
        Files.readString(out));
  }
}
