package dev.precis.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.precis.model.ModelBundle;
import dev.precis.model.RowScorer;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * precis-spark against precis on the same bank file and the same real Tribuo bundle, in Spark's
 * local mode with several partitions: the same output lines, the same scores, the same eval report.
 */
class SparkScoringTest {
  @TempDir static Path dir;
  static BankFixture bank;

  @BeforeAll
  static void train() {
    bank = BankFixture.create(dir);
  }

  @Test
  void csvOutputIsPrecisPredictsLineForLine() throws IOException {
    Path single = dir.resolve("single.csv");
    BankFixture.Result precis = precis("predict", bank.csv, "--out", single.toString(), "--quiet");
    assertEquals(0, precis.code(), precis.err());
    Path out = dir.resolve("spark-csv");
    BankFixture.Result spark = spark("predict", bank.csv, "--out", out.toString());
    assertEquals(0, spark.code(), spark.err());

    List<Path> parts = parts(out, ".csv");
    assertTrue(parts.size() > 1, "several partitions scored the file: " + parts);
    List<String> expected = BankFixture.lines(single);
    List<String> lines = new ArrayList<>();
    for (Path part : parts) {
      List<String> partLines = BankFixture.lines(part);
      assertEquals(expected.get(0), partLines.get(0), "the header");
      lines.addAll(partLines.subList(1, partLines.size()));
    }
    assertEquals(expected.subList(1, expected.size()), lines);

    JsonNode summary = json(dir.resolve("spark-csv.summary.json"));
    assertEquals(BankFixture.ROWS, summary.get("rows").asLong());
    assertEquals(0, summary.get("skipped_rows").asLong());
    long inDeciles = 0;
    for (Iterator<JsonNode> it = summary.get("deciles").elements(); it.hasNext(); ) {
      inDeciles += it.next().asLong();
    }
    assertEquals(BankFixture.ROWS, inDeciles);
  }

  @Test
  void parquetScoresEqualTheSingleMachineScorersToTheLastDigits() {
    SparkSession spark = LocalSpark.session();
    Path parquet = dir.resolve("bank.parquet");
    spark
        .read()
        .option("header", true)
        .option("sep", ";")
        .option("escape", "\"")
        .csv(bank.csv.toString())
        .write()
        .parquet(parquet.toString());
    Path out = dir.resolve("scores.parquet");
    BankFixture.Result run = spark("predict", parquet, "--out", out.toString());
    assertEquals(0, run.code(), run.err());

    Map<String, Double> expected = singleMachineScores();
    List<Row> rows = spark.read().parquet(out.toString()).collectAsList();
    assertEquals(BankFixture.ROWS, rows.size());
    for (Row row : rows) {
      double score = row.getDouble(row.fieldIndex("score"));
      String id = row.getString(row.fieldIndex("id"));
      assertEquals(expected.get(id), score, 1e-9, id);
    }
  }

  /** Each row scored on its own by the public per-row scorer, as a server would. */
  private static Map<String, Double> singleMachineScores() {
    ModelBundle bundle = ModelBundle.read(bank.model);
    Map<String, Double> scores = new HashMap<>();
    CSVFormat format =
        CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true).build();
    try (Reader reader = Files.newBufferedReader(bank.csv);
        CSVParser parser = CSVParser.parse(reader, format)) {
      RowScorer scorer =
          new RowScorer(
              bundle,
              parser.getHeaderNames(),
              new RowScorer.Options(bank.csv, false, true, false, false));
      for (CSVRecord record : parser) {
        RowScorer.Outcome outcome =
            scorer.scoreRow(record.getRecordNumber(), record.toList().toArray(new String[0]));
        scores.put(outcome.id(), outcome.score());
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    assertEquals(BankFixture.ROWS, scores.size());
    return scores;
  }

  @Test
  void evalGivesPrecisEvalsReportAndExitCodes() throws IOException {
    Path single = dir.resolve("single-eval.json");
    BankFixture.Result precis = precis("eval", bank.csv, "--out", single.toString(), "--quiet");
    assertEquals(0, precis.code(), precis.err());
    Path report = dir.resolve("spark-eval.json");
    BankFixture.Result spark = spark("eval", bank.csv, "--out", report.toString());
    assertEquals(0, spark.code(), spark.err());
    assertTrue(spark.err().contains("AUC"), spark.err());
    assertSame(
        json(single),
        json(report),
        "",
        Set.of("created_at", "timings_seconds", "data", "model", "config"));

    BankFixture.Result gated = spark("eval", bank.csv, "--set", "eval.gates.auc=0.999");
    BankFixture.Result gatedPrecis =
        precis("eval", bank.csv, "--set", "eval.gates.auc=0.999", "--quiet");
    assertEquals(4, gatedPrecis.code(), gatedPrecis.err());
    assertEquals(4, gated.code(), gated.err());
  }

  /** Every value of a report equal, numbers to 1e-9, except the keys that say when and where. */
  private static void assertSame(JsonNode expected, JsonNode actual, String at, Set<String> skip) {
    if (expected.isNumber() && actual.isNumber()) {
      assertEquals(expected.asDouble(), actual.asDouble(), 1e-9, at);
      return;
    }
    assertEquals(expected.getNodeType(), actual.getNodeType(), at);
    if (expected.isObject()) {
      List<String> names = new ArrayList<>();
      expected.fieldNames().forEachRemaining(names::add);
      List<String> actualNames = new ArrayList<>();
      actual.fieldNames().forEachRemaining(actualNames::add);
      assertEquals(names, actualNames, at);
      for (String name : names) {
        if (!skip.contains(name)) {
          assertSame(expected.get(name), actual.get(name), at + "." + name, skip);
        }
      }
    } else if (expected.isArray()) {
      assertEquals(expected.size(), actual.size(), at);
      for (int i = 0; i < expected.size(); i++) {
        assertSame(expected.get(i), actual.get(i), at + "[" + i + "]", skip);
      }
    } else {
      assertEquals(expected, actual, at);
    }
  }

  @Test
  void badRowsAreCountedWithTheirReasonsNeverFailTheJob() throws IOException {
    List<String> lines = BankFixture.lines(bank.csv);
    // far enough down that the head from which the dialect is read is clean, as precis reads it
    lines.set(1000, lines.get(1000).replaceFirst(";\\d+;", ";abc;"));
    lines.set(3000, lines.get(3000).substring(0, lines.get(3000).lastIndexOf(';')));
    Path bad = BankFixture.write(dir.resolve("bank-bad.csv"), lines);
    Path out = dir.resolve("bad-scores");
    BankFixture.Result run = spark("predict", bad, "--out", out.toString());
    assertEquals(0, run.code(), run.err());

    JsonNode summary = json(dir.resolve("bad-scores.summary.json"));
    assertEquals(BankFixture.ROWS - 2, summary.get("rows").asLong());
    assertEquals(2, summary.get("skipped_rows").asLong());
    JsonNode reasons = summary.get("skipped_reasons");
    assertEquals(2, reasons.size(), reasons.toString());
    assertTrue(reasons.toString().contains("malformed record"), reasons.toString());
    assertTrue(reasons.toString().contains("'abc'"), reasons.toString());
    assertTrue(summary.get("skipped").get(0).asText().endsWith("holds 'abc'"), summary.toString());
    long written = 0;
    for (Path part : parts(out, ".csv")) {
      written += BankFixture.lines(part).size() - 1;
    }
    assertEquals(BankFixture.ROWS - 2, written);
  }

  @Test
  void aFileWithoutTheModelsColumnsIsOneDataErrorBeforeAnyTask() throws IOException {
    List<String> lines = BankFixture.lines(bank.csv);
    lines.set(0, lines.get(0).replace("\"age\"", "\"years\""));
    Path renamed = BankFixture.write(dir.resolve("bank-renamed.csv"), lines);
    BankFixture.Result run = spark("eval", renamed);
    assertEquals(3, run.code(), run.err());
    assertTrue(run.err().startsWith("precis-spark: error: "), run.err());
    assertTrue(run.err().contains("'age'"), run.err());
    assertEquals(1, run.err().strip().lines().count(), run.err());
  }

  /** `precis COMMAND --model <the bank model> --data DATA MORE...` on this machine. */
  private static BankFixture.Result precis(String command, Path data, String... more) {
    return BankFixture.precis(args(command, data, more));
  }

  /** The same arguments to precis-spark, in the shared local session. */
  private static BankFixture.Result spark(String command, Path data, String... more) {
    return BankFixture.spark(args(command, data, more));
  }

  private static String[] args(String command, Path data, String... more) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(command, "--model", bank.model.toString(), "--data", data.toString()));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  private static List<Path> parts(Path out, String suffix) throws IOException {
    try (Stream<Path> files = Files.list(out)) {
      return files
          .filter(p -> p.getFileName().toString().startsWith("part-"))
          .filter(p -> p.toString().endsWith(suffix))
          .sorted()
          .toList();
    }
  }

  private static JsonNode json(Path file) throws IOException {
    return new ObjectMapper().readTree(file.toFile());
  }
}
