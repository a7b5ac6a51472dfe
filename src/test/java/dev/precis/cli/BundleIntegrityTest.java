package dev.precis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Specifies that a bundle whose entry was changed after training is refused by the commands that
 * read it: exit 3, one line naming the bundle and the entry, nothing written.
 */
class BundleIntegrityTest {
  private static final String EXPECTED =
      "precis: error: %s: its pipeline.json is corrupt (it does not match its digest in"
          + " manifest.json); retrain, or copy the bundle again";

  @TempDir static Path dir;
  private static Path edited;

  @BeforeAll
  static void trainAndEdit() throws IOException {
    Path bundle = dir.resolve("bank.precis");
    CliRun run =
        CliRun.train(
            BankData.CSV.toString(), bundle.toString(), "--set", "data.drop=[duration]", "--quiet");
    assertEquals(0, run.exitCode(), run.transcript());
    edited = dir.resolve("edited.precis");
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(bundle));
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(edited))) {
      ZipEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (entry.getName().equals("pipeline.json")) {
          text = text.replaceFirst("\"fill\" : [-0-9.eE]+", "\"fill\" : 0.0");
        }
        out.putNextEntry(new ZipEntry(entry.getName()));
        out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
  }

  @Test
  void predictRefusesAnEditedBundle() {
    Path scores = dir.resolve("scores.csv");
    CliRun run =
        CliRun.precis(
            "predict",
            "--model",
            edited.toString(),
            "--data",
            BankData.CSV.toString(),
            "--out",
            scores.toString());
    assertEquals(3, run.exitCode(), run.transcript());
    assertEquals(String.format(EXPECTED, edited), run.err().strip(), run.transcript());
    assertTrue(Files.notExists(scores), run.transcript());
  }

  @Test
  void evalRefusesAnEditedBundle() {
    CliRun run =
        CliRun.precis("eval", "--model", edited.toString(), "--data", BankData.CSV.toString());
    assertEquals(3, run.exitCode(), run.transcript());
    assertEquals(String.format(EXPECTED, edited), run.err().strip(), run.transcript());
  }
}
