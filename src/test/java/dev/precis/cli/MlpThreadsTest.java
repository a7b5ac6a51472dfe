package dev.precis.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Specifies that engine.threads does not change an mlp. Each train runs in a JVM of its own:
 * TensorFlow sizes its per-op thread pool once per process, from the first session, so two
 * trainings in this JVM would share one pool whatever they asked for.
 */
class MlpThreadsTest {
  @TempDir Path dir;

  /** Trains in a new JVM; returns the bundle's saved weights. */
  private byte[] weightsTrainedWith(int threads) throws IOException, InterruptedException {
    Path bundle = dir.resolve("mlp-" + threads + ".precis");
    // Wide layers and batches of the whole training part: sums long enough for a kernel to split.
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            Main.class.getName(),
            "train",
            "--data",
            BankData.CSV.toString(),
            "--target",
            "y",
            "--model",
            "mlp",
            "--set",
            "model.params.hidden=[512, 256]",
            "--set",
            "model.params.batch_size=4096",
            "--set",
            "model.params.epochs=3",
            "--set",
            "engine.threads=" + threads,
            "--out",
            bundle.toString(),
            "--quiet");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("TF_CPP_MIN_LOG_LEVEL", "2");
    builder.redirectOutput(dir.resolve("train-" + threads + ".log").toFile());
    assertEquals(0, builder.start().waitFor(), "train with engine.threads=" + threads);
    try (ZipFile zip = new ZipFile(bundle.toFile());
        InputStream in = zip.getInputStream(zip.getEntry("model.mlp.json"))) {
      return in.readAllBytes();
    }
  }

  @Test
  void oneAndTwoThreadsTrainTheSameNetwork() throws IOException, InterruptedException {
    assertArrayEquals(weightsTrainedWith(1), weightsTrainedWith(2));
  }
}
