package dev.precis.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Specifies `precis prep`: the directory it writes, stratified seeded splits, inference, and
 * refusing to overwrite.
 */
class PrepCommandTest {
  private static final String BANK_CONFIG = "sample-data/bank/bank.yaml";
  private static final String DATA = "sample-data/bank/bank-additional.csv";
  private static final List<String> PARTS = List.of("train.csv", "valid.csv", "test.csv");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Written once by the bank config on the 10% sample; tests only read it. */
  @TempDir static Path shared;

  private static Path bankPrep;

  @TempDir Path tmp;

  @BeforeAll
  static void prepBankSample() {
    bankPrep = shared.resolve("bank");
    prep(bankPrep);
  }

  @Test
  void configPrepWritesPartsPipelineAndReportTest() {
    for (String file :
        List.of("train.csv", "valid.csv", "test.csv", "pipeline.json", "prep-report.json")) {
      assertTrue(Files.isRegularFile(bankPrep.resolve(file)), file);
    }
  }

  @Test
  void partsCoverEveryRowWithTheOverallPositiveRateTest() throws IOException {
    long rows = 0;
    long positives = 0;
    List<long[]> counts = new ArrayList<>();
    for (String part : PARTS) {
      long[] count = rowsAndPositives(bankPrep.resolve(part));
      counts.add(count);
      rows += count[0];
      positives += count[1];
    }
    assertEquals(rawRows(), rows);
    double overall = (double) positives / rows;
    for (int p = 0; p < PARTS.size(); p++) {
      double rate = (double) counts.get(p)[1] / counts.get(p)[0];
      assertEquals(overall, rate, 0.015, PARTS.get(p) + " positive rate");
    }
  }

  @Test
  void unknownIsEncodedAsMissingAndDurationIsDroppedTest() throws IOException {
    List<String> header = header(bankPrep.resolve("train.csv"));
    assertTrue(header.contains("job=(missing)"), header.toString());
    assertFalse(
        header.stream().anyMatch(c -> c.equals("duration") || c.startsWith("duration=")),
        header.toString());
  }

  @Test
  void reportNamesSchemaPositiveClassAndDroppedColumnTest() throws IOException {
    JsonNode report = JSON.readTree(bankPrep.resolve("prep-report.json").toFile());
    assertEquals("precis.prep/2", report.path("schema").asText());
    assertEquals("yes", report.at("/target/positive").asText());
    assertEquals("dropped", column(report, "duration").path("role").asText());
  }

  @Test
  void withoutConfigInfersTheFormatAndPicksTheMinorityClassTest() throws IOException {
    Path dir = tmp.resolve("inferred");
    CliRun run = CliRun.precis("prep", "--data", DATA, "--target", "y", "--out", dir.toString());
    assertEquals(0, run.exitCode(), run.transcript());
    JsonNode report = JSON.readTree(dir.resolve("prep-report.json").toFile());
    assertEquals(";", report.path("delimiter").asText());
    assertTrue(report.path("header").asBoolean(), report.toString());
    assertEquals("numeric", column(report, "age").path("type").asText());
    assertEquals("categorical", column(report, "job").path("type").asText());
    JsonNode counts = report.at("/target/counts");
    assertTrue(counts.path("yes").asLong() < counts.path("no").asLong(), counts.toString());
    assertEquals("yes", report.at("/target/positive").asText());
  }

  @Test
  void samePrepTwiceWritesIdenticalTrainCsvTest() throws IOException {
    Path again = tmp.resolve("again");
    prep(again);
    assertEquals(-1L, Files.mismatch(bankPrep.resolve("train.csv"), again.resolve("train.csv")));
  }

  @Test
  void differentSeedGivesADifferentSplitTest() throws IOException {
    Path reseeded = tmp.resolve("seed7");
    prep(reseeded, "--seed", "7");
    assertNotEquals(
        -1L, Files.mismatch(bankPrep.resolve("train.csv"), reseeded.resolve("train.csv")));
  }

  @Test
  void existingDirectoryWithAnEarlierOutputWithoutForceExitsTwoAndIsLeftAloneTest()
      throws IOException {
    Path dir = Files.createDirectory(tmp.resolve("existing"));
    byte[] note = "keep me\n".getBytes(StandardCharsets.UTF_8);
    Files.write(dir.resolve("note.txt"), note);
    Files.write(dir.resolve("train.csv"), note);
    CliRun run =
        CliRun.precis("prep", "--config", BANK_CONFIG, "--data", DATA, "--out", dir.toString());
    assertEquals(2, run.exitCode(), run.transcript());
    assertTrue(run.err().contains("--force"), run.transcript());
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(
          Set.of(dir.resolve("note.txt"), dir.resolve("train.csv")),
          files.collect(Collectors.toSet()));
    }
    assertArrayEquals(note, Files.readAllBytes(dir.resolve("note.txt")));
    assertArrayEquals(note, Files.readAllBytes(dir.resolve("train.csv")));
  }

  /** Preps the 10% sample with the bank config into {@code dir} and checks that it succeeded. */
  @Test
  void evalOnAPreparedPartMatchesTheTestMetricsTrainReportedTest(@TempDir Path dir)
      throws IOException {
    Path model = dir.resolve("m.precis");
    CliRun train =
        CliRun.precis(
            "train", "--data", bankPrep.toString(), "--out", model.toString(), "--json", "-q");
    assertEquals(0, train.exitCode(), train.transcript());
    CliRun eval =
        CliRun.precis(
            "eval",
            "--model",
            model.toString(),
            "--data",
            bankPrep.resolve("test.csv").toString(),
            "--json",
            "-q");
    assertEquals(0, eval.exitCode(), eval.transcript());
    JsonNode reported = JSON.readTree(train.out()).path("metrics").path("test");
    JsonNode measured = JSON.readTree(eval.out()).path("metrics");
    assertEquals(reported.path("rows").asLong(), measured.path("rows").asLong());
    assertEquals(reported.path("positives").asLong(), measured.path("positives").asLong());
    assertEquals(reported.path("auc").asDouble(), measured.path("auc").asDouble(), 1e-12);
  }

  private static void prep(Path dir, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of("prep", "--config", BANK_CONFIG, "--data", DATA, "--out", dir.toString()));
    args.addAll(List.of(extra));
    CliRun run = CliRun.precis(args);
    assertEquals(0, run.exitCode(), run.transcript());
  }

  private static List<String> header(Path csv) throws IOException {
    try (Stream<String> lines = Files.lines(csv)) {
      return List.of(lines.findFirst().orElseThrow().split(","));
    }
  }

  /** Rows and positives of an encoded part, whose last column is the target as 1/0. */
  private static long[] rowsAndPositives(Path csv) throws IOException {
    List<String> lines = Files.readAllLines(csv);
    long positives = lines.stream().skip(1).filter(line -> line.endsWith(",1")).count();
    return new long[] {lines.size() - 1, positives};
  }

  private static long rawRows() throws IOException {
    return Files.readAllLines(Path.of(DATA)).stream().filter(line -> !line.isBlank()).count() - 1;
  }

  private static JsonNode column(JsonNode report, String name) {
    for (JsonNode column : report.at("/profile/columns")) {
      if (column.path("name").asText().equals(name)) {
        return column;
      }
    }
    throw new AssertionError("no column " + name + " in the profile");
  }
}
