package dev.precis.cli;

import static dev.precis.cli.OneLineError.assertOneLineError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Specifies how a damaged model bundle is reported: one line that names the bundle and the member
 * that is wrong, exit 3, none of the libraries' own text. Bundles since 0.1.0 carry a digest of
 * each member; a 0.1.0 bundle has none, and its members are judged by parsing them.
 */
class CorruptBundleTest {
  private static final int DATA = 3;
  private static final Path FIXTURE =
      Path.of("src/test/resources/fixtures/bank-logistic-0.1.0.precis");

  @TempDir static Path shared;
  private static Path trained;

  @TempDir Path dir;

  @BeforeAll
  static void train() {
    Path data = BankData.write(shared.resolve("bank.csv"), BankData.lines().subList(0, 1001));
    trained = shared.resolve("fresh.precis");
    CliRun run = CliRun.train(data.toString(), trained.toString());
    assertEquals(0, run.exitCode(), run.transcript());
  }

  @Test
  void freshBundleWithAGarbledModelNamesTheModelMember() throws IOException {
    Path bundle = rewrite(trained, "model.tribuo", CorruptBundleTest::garble);
    assertOneLineError(predict(bundle), DATA, "bad.precis: its model.tribuo is corrupt", "retrain");
  }

  @Test
  void freshBundleWithAnEditedPipelineNamesThePipelineMember() throws IOException {
    Path bundle =
        rewrite(
            trained,
            "pipeline.json",
            bytes -> "{\"target\": \"y\"".getBytes(StandardCharsets.UTF_8));
    assertOneLineError(predict(bundle), DATA, "bad.precis: its pipeline.json is corrupt", "digest");
  }

  @Test
  void oldBundleWithAGarbledModelSaysItIsNotATribuoModel() throws IOException {
    Path bundle = rewrite(FIXTURE, "model.tribuo", CorruptBundleTest::garble);
    assertOneLineError(
        predict(bundle),
        DATA,
        "bad.precis: its model.tribuo is corrupt (not a Tribuo protobuf model)");
  }

  @Test
  void oldBundleWithBrokenPipelineJsonSaysWhereInPlainWords() throws IOException {
    Path bundle =
        rewrite(
            FIXTURE,
            "pipeline.json",
            bytes -> "{\"target\": \"y\", oops".getBytes(StandardCharsets.UTF_8));
    assertOneLineError(
        predict(bundle),
        DATA,
        "bad.precis: its pipeline.json is not valid: it does not parse at line 1, column 17");
  }

  @Test
  void oldBundleWithAPipelineOfTheWrongShapeNamesTheKey() throws IOException {
    Path bundle =
        rewrite(
            FIXTURE, "pipeline.json", bytes -> "{\"numeric\": 3}".getBytes(StandardCharsets.UTF_8));
    assertOneLineError(predict(bundle), DATA, "its pipeline.json is not valid", "'numeric'");
  }

  @Test
  void truncatedBundleSaysItIsTruncated() throws IOException {
    byte[] whole = Files.readAllBytes(trained);
    Path bundle = Files.write(dir.resolve("bad.precis"), Arrays.copyOf(whole, whole.length / 2));
    assertOneLineError(
        predict(bundle), DATA, "bad.precis: the bundle is truncated", "copy it again");
  }

  @Test
  void dataFileGivenAsTheModelIsNotAZipArchive() {
    assertOneLineError(
        predict(BankData.CSV), DATA, "not a Precis model bundle (it is not a zip archive)");
  }

  @Test
  void directoryGivenAsTheModelIsADataError() {
    assertOneLineError(predict(dir), DATA, "is a directory", "model bundle");
  }

  private CliRun predict(Path model) {
    return CliRun.precis(
        "predict",
        "--model",
        model.toString(),
        "--data",
        BankData.CSV.toString(),
        "--out",
        dir.resolve("scores.csv").toString());
  }

  /** A copy of {@code bundle} as bad.precis, with one member's bytes changed. */
  private Path rewrite(Path bundle, String member, UnaryOperator<byte[]> change)
      throws IOException {
    Path copy = dir.resolve("bad.precis");
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(bundle));
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(copy))) {
      ZipEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        byte[] bytes = in.readAllBytes();
        out.putNextEntry(new ZipEntry(entry.getName()));
        out.write(entry.getName().equals(member) ? change.apply(bytes) : bytes);
        out.closeEntry();
      }
    }
    return copy;
  }

  /** The first half of the bytes, then bytes no protobuf message has there. */
  private static byte[] garble(byte[] bytes) {
    byte[] garbled = Arrays.copyOf(bytes, bytes.length / 2 + 4);
    garbled[bytes.length / 2] = (byte) 0xFF;
    return garbled;
  }
}
