package dev.precis.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Specifies what a command's outputs may touch: --force replaces only the files Precis writes and
 * never an input; links, devices and FIFOs are written through, never replaced; an output that
 * cannot be written is a usage error that names it and says why.
 */
class OutputSafetyTest {
  private static final String CONFIG = "sample-data/bank/bank.yaml";
  private static final String SCORES_HEADER = "score,decile";

  @TempDir static Path shared;
  private static Path model;

  @TempDir Path dir;

  @BeforeAll
  static void trainModel() {
    model = shared.resolve("bank.precis");
    assertOk(
        CliRun.precis(
            "train", "--config", CONFIG, "--data", BankData.CSV.toString(), "--out", "" + model));
  }

  @Test
  void prepWithForceKeepsFilesInItsDirectoryThatItDoesNotWrite() throws IOException {
    Path notes = Files.writeString(dir.resolve("notes.txt"), "keep me\n");
    assertOk(prep(BankData.CSV, dir));
    assertOk(prep(BankData.CSV, dir, "--force"));
    assertEquals("keep me\n", Files.readString(notes));
    for (String part : List.of("train.csv", "valid.csv", "test.csv", "pipeline.json")) {
      assertTrue(Files.isRegularFile(dir.resolve(part)), part);
    }
  }

  @Test
  void prepWithForceIntoTheDirectoryOfItsInputLeavesTheInputAsItWas() throws IOException {
    Path input = Files.copy(BankData.CSV, dir.resolve("g.csv"));
    byte[] before = Files.readAllBytes(input);
    assertOk(prep(input, dir, "--force"));
    assertOk(prep(input, dir, "--force"));
    assertArrayEquals(before, Files.readAllBytes(input));
  }

  @Test
  void prepWithForceRemovesOnlyItsOwnPartsThatThisRunDoesNotWrite() throws IOException {
    Path notes = Files.writeString(dir.resolve("notes.txt"), "keep me\n");
    assertOk(prep(BankData.CSV, dir));
    assertTrue(Files.exists(dir.resolve("valid.csv")));
    assertOk(prep(BankData.CSV, dir, "--force", "--set", "prep.split.valid=0"));
    assertFalse(Files.exists(dir.resolve("valid.csv")), "a stale valid.csv survived");
    assertTrue(Files.exists(dir.resolve("train.csv")));
    assertEquals("keep me\n", Files.readString(notes));
  }

  @Test
  void prepOverItsOwnInputIsAUsageErrorEvenWithForce() throws IOException {
    Path input = Files.copy(BankData.CSV, dir.resolve("train.csv"));
    byte[] before = Files.readAllBytes(input);
    CliRun run = prep(input, dir, "--force");
    assertUsageError(run, input.toString(), "input");
    assertArrayEquals(before, Files.readAllBytes(input));
  }

  @Test
  void tuneWithForceKeepsFilesInItsDirectoryThatItDoesNotWrite() throws IOException {
    Path small = BankData.write(dir.resolve("small.csv"), BankData.lines().subList(0, 1500));
    Path out = Files.createDirectory(dir.resolve("tuned"));
    Path notes = Files.writeString(out.resolve("notes.txt"), "keep me\n");
    for (int i = 0; i < 2; i++) {
      assertOk(
          CliRun.precis(
              "tune",
              "--config",
              CONFIG,
              "--data",
              "" + small,
              "--trials",
              "1",
              "--folds",
              "2",
              "--out",
              "" + out,
              "--force"));
    }
    assertEquals("keep me\n", Files.readString(notes));
    assertTrue(Files.isRegularFile(out.resolve("best.yaml")));
    assertTrue(Files.isRegularFile(out.resolve("leaderboard.json")));
  }

  @Test
  void predictThroughASymlinkWritesTheFileItPointsToAndKeepsTheLink() throws IOException {
    Path real = Files.writeString(dir.resolve("real.csv"), "old\n");
    Path link = Files.createSymbolicLink(dir.resolve("link.csv"), real.getFileName());
    assertOk(predict(BankData.CSV, link.toString(), "--force"));
    assertTrue(Files.isSymbolicLink(link), "the link was replaced");
    List<String> lines = Files.readAllLines(real);
    assertEquals(SCORES_HEADER, lines.get(0));
    assertEquals(BankData.ROWS + 1, lines.size());
  }

  @Test
  void predictIntoAFifoStreamsTheScoresToItsReader() throws Exception {
    Path fifo = dir.resolve("fifo");
    Assumptions.assumeTrue(mkfifo(fifo), "mkfifo is not available");
    ExecutorService reader = Executors.newSingleThreadExecutor(daemon());
    try {
      Future<byte[]> received = reader.submit(() -> Files.readAllBytes(fifo));
      CliRun run = predict(BankData.CSV, fifo.toString(), "--force");
      assertOk(run);
      String scores = new String(received.get(60, TimeUnit.SECONDS), StandardCharsets.UTF_8);
      assertTrue(scores.startsWith(SCORES_HEADER + "\n"), scores);
      assertEquals(BankData.ROWS + 1, scores.lines().count());
      assertTrue(attributes(fifo).isOther(), "the FIFO was replaced");
      assertFalse(Files.exists(dir.resolve("fifo.summary.json")));
    } finally {
      reader.shutdownNow();
    }
  }

  @Test
  void predictIntoAFullDeviceIsAUsageErrorThatSaysSo() throws IOException {
    Path full = Path.of("/dev/full");
    Assumptions.assumeTrue(Files.exists(full) && attributes(full).isOther(), "no /dev/full");
    CliRun run = predict(BankData.CSV, full.toString(), "--force");
    assertUsageError(run, "/dev/full", "no space");
    assertTrue(attributes(full).isOther(), "/dev/full was replaced");
    assertFalse(Files.exists(Path.of("/dev/full.summary.json")));
  }

  @Test
  void trainOverItsOwnInputIsAUsageErrorEvenWithForce() throws IOException {
    Path input = Files.copy(BankData.CSV, dir.resolve("g.csv"));
    byte[] before = Files.readAllBytes(input);
    CliRun run =
        CliRun.precis(
            "train", "--config", CONFIG, "--data", "" + input, "--out", "" + input, "--force");
    assertUsageError(run, input.toString(), "input");
    assertArrayEquals(before, Files.readAllBytes(input));
  }

  @Test
  void predictOverItsOwnInputIsAUsageErrorEvenWithForce() throws IOException {
    Path input = Files.copy(BankData.CSV, dir.resolve("g.csv"));
    byte[] before = Files.readAllBytes(input);
    CliRun run =
        CliRun.precis(
            "predict", "--model", "" + model, "--data", "" + input, "--out", "" + input, "--force");
    assertUsageError(run, input.toString(), "input");
    assertArrayEquals(before, Files.readAllBytes(input));
  }

  @Test
  void anOutputThatCannotBeCreatedIsAUsageErrorNamingItWithTheSystemsReason() {
    String out = "/proc/precis-scores.csv";
    CliRun run = predict(BankData.CSV, out);
    assertUsageError(run, out, "cannot write");
    assertFalse(run.err().contains(".tmp-"), "names a temporary file: " + run.err());
  }

  @Test
  void anOutputBelowARegularFileIsAUsageErrorNamingIt() throws IOException {
    Path file = Files.writeString(dir.resolve("somefile.csv"), "x\n");
    String out = file.resolve("x.csv").toString();
    assertUsageError(predict(BankData.CSV, out), out, "not a directory");
  }

  @Test
  void aReportOverThePreparedJsonBesideItsDataIsAUsageErrorEvenWithForce() throws IOException {
    Path prepared = dir.resolve("prepared");
    assertOk(prep(BankData.CSV, prepared));
    Path manifest = prepared.resolve("prepared.json");
    byte[] before = Files.readAllBytes(manifest);
    CliRun run =
        CliRun.precis(
            "eval",
            "--model",
            "" + model,
            "--data",
            "" + prepared.resolve("test.csv"),
            "--out",
            "" + manifest,
            "--force");
    assertUsageError(run, "prepared.json");
    assertArrayEquals(before, Files.readAllBytes(manifest));
  }

  @Test
  void aScratchFileThatCannotBeWrittenIsAUsageErrorNamingIt() throws IOException {
    Path notADirectory = Files.writeString(dir.resolve("tmp-is-a-file"), "x\n");
    String tmpdir = System.getProperty("java.io.tmpdir");
    System.setProperty("java.io.tmpdir", notADirectory.toString());
    try {
      assertUsageError(
          predict(BankData.CSV, "-", "--top-percent", "10"), "scratch file", "tmp-is-a-file");
    } finally {
      System.setProperty("java.io.tmpdir", tmpdir);
    }
  }

  private static CliRun prep(Path data, Path out, String... options) {
    List<String> args =
        new ArrayList<>(
            List.of("prep", "--config", CONFIG, "--data", "" + data, "--out", "" + out));
    args.addAll(List.of(options));
    return CliRun.precis(args);
  }

  private static CliRun predict(Path data, String out, String... options) {
    List<String> args =
        new ArrayList<>(
            List.of("predict", "--model", "" + model, "--data", "" + data, "--out", out));
    args.addAll(List.of(options));
    return CliRun.precis(args);
  }

  private static void assertOk(CliRun run) {
    assertEquals(0, run.exitCode(), run.transcript());
  }

  /** Exit 2 and one line of error that mentions each of {@code words} (ignoring case). */
  private static void assertUsageError(CliRun run, String... words) {
    assertEquals(2, run.exitCode(), run.transcript());
    List<String> lines = run.err().lines().filter(l -> l.startsWith("precis: error:")).toList();
    assertEquals(1, lines.size(), run.transcript());
    for (String word : words) {
      assertTrue(lines.get(0).toLowerCase().contains(word.toLowerCase()), run.transcript());
    }
  }

  private static BasicFileAttributes attributes(Path file) throws IOException {
    return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
  }

  private static boolean mkfifo(Path file) {
    try {
      return new ProcessBuilder("mkfifo", file.toString()).start().waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static java.util.concurrent.ThreadFactory daemon() {
    return r -> {
      Thread t = new Thread(r, "fifo-reader");
      t.setDaemon(true);
      return t;
    };
  }
}
