package dev.precis.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

  /** Trains in a new JVM with these params; returns the bundle's saved weights. */
  private byte[] weightsTrainedWith(int threads, String... params)
      throws IOException, InterruptedException {
    Path bundle = dir.resolve("mlp-" + threads + ".precis");
    List<String> command =
        new java.util.ArrayList<>(
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
                "engine.threads=" + threads,
                "--out",
                bundle.toString(),
                "--quiet"));
    for (String param : params) {
      command.add("--set");
      command.add("model.params." + param);
    }
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
    // Wide layers and batches of the whole training part: sums long enough for a kernel to split.
    String[] wide = {"hidden=[512, 256]", "batch_size=4096", "epochs=3", "members=1"};
    assertArrayEquals(weightsTrainedWith(1, wide), weightsTrainedWith(2, wide));
  }

  @Test
  void oneAndTwoThreadsTrainTheSameEnsemble() throws IOException, InterruptedException {
    String[] ensemble = {"hidden=[32]", "epochs=2", "members=3"};
    byte[] one = weightsTrainedWith(1, ensemble);
    assertArrayEquals(one, weightsTrainedWith(2, ensemble));
    String saved = new String(one, java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(saved.contains("\"format\" : 2"), saved.substring(0, 40));
  }
}
