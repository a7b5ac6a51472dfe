package dev.precis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Specifies `precis predict`: the scored CSV, the selection rules, the summary, outputs and data
 * errors.
 */
class PredictCommandTest {
  private static final int REPEATS = 40;
  private static final int BAD_LINE = 6;

  @TempDir static Path shared;
  private static Path model;
  private static Path idModel;
  private static Path idData;
  private static Path bigData;

  @TempDir Path dir;

  @BeforeAll
  static void trainModels() {
    model = train(BankData.CSV, shared.resolve("bank.precis"));
    idData = BankData.write(shared.resolve("ids.csv"), withCustomerIds(BankData.lines()));
    idModel = train(idData, shared.resolve("ids.precis"), "--set", "data.id=customer_id");
    bigData = BankData.write(shared.resolve("big.csv"), repeatedRows(BankData.lines(), REPEATS));
  }

  @Test
  void headerIsScoreAndDecileWithoutARule() {
    assertEquals("score,decile", scored(model, BankData.CSV).header());
  }

  @Test
  void headerAddsSelectedWithARule() {
    assertEquals(
        "score,decile,selected", scored(model, BankData.CSV, "--threshold", "0.3").header());
  }

  @Test
  void headerStartsWithTheIdColumnForABundleWithAnId() {
    assertEquals("customer_id,score,decile", scored(idModel, idData).header());
    assertEquals(
        "customer_id,score,decile,selected",
        scored(idModel, idData, "--top-percent", "10").header());
  }

  @Test
  void idColumnCopiesEachRowsIdInFileOrder() {
    ScoreFile scores = scored(idModel, idData);
    for (int i = 0; i < scores.rows().size(); i++) {
      assertEquals(customerId(i), scores.text(i, "customer_id"));
    }
  }

  @Test
  void writesOneLinePerRowWithSixDecimalScoresAndDeciles() {
    ScoreFile scores = scored(model, BankData.CSV);
    assertEquals(BankData.ROWS, scores.rows().size());
    for (int i = 0; i < scores.rows().size(); i++) {
      String score = scores.text(i, "score");
      assertTrue(score.matches("[01]\\.\\d{6}"), "score " + score);
      double value = Double.parseDouble(score);
      assertTrue(value >= 0 && value <= 1, "score " + score);
      int decile = Integer.parseInt(scores.text(i, "decile"));
      assertTrue(decile >= 1 && decile <= 10, "decile " + decile);
    }
  }

  @Test
  void topPercentSelectsExactlyTheHighestScores() {
    ScoreFile scores = scored(model, BankData.CSV, "--top-percent", "10");
    List<Double> selected = scores.scoresWhereSelected(true);
    List<Double> unselected = scores.scoresWhereSelected(false);
    assertEquals(Math.round(BankData.ROWS * 0.10), selected.size());
    assertEquals(BankData.ROWS, selected.size() + unselected.size());
    double lowestSelected = selected.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    double highestUnselected =
        unselected.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    assertTrue(lowestSelected >= highestUnselected, lowestSelected + " < " + highestUnselected);
  }

  @Test
  void topPercentSummaryCountsSelectedAndRows() {
    Path out = dir.resolve("scores.csv");
    assertExit(0, predict(model, BankData.CSV, out.toString(), "--top-percent", "10"));
    JsonNode summary = json(dir.resolve("scores.summary.json"));
    assertEquals("precis.predict/1", summary.get("schema").asText());
    assertEquals("top_percent", summary.get("selection").asText());
    assertEquals(Math.round(BankData.ROWS * 0.10), summary.get("selected").asLong());
    assertEquals(BankData.ROWS, summary.get("rows").asLong());
  }

  @Test
  void thresholdSelectsExactlyTheRowsWhosePrintedScoreReachesIt() {
    double threshold = 0.3;
    ScoreFile scores = scored(model, BankData.CSV, "--threshold", Double.toString(threshold));
    assertTrue(scores.scoresWhereSelected(true).stream().allMatch(s -> s >= threshold));
    assertTrue(scores.scoresWhereSelected(false).stream().allMatch(s -> s < threshold));
    assertFalse(scores.scoresWhereSelected(true).isEmpty(), "the threshold selects some rows");
    assertFalse(scores.scoresWhereSelected(false).isEmpty(), "the threshold leaves some rows out");
  }

  @Test
  void threadCountDoesNotChangeTheOutput() throws IOException {
    Path one = dir.resolve("one.csv");
    Path two = dir.resolve("two.csv");
    assertExit(0, predict(model, bigData, one.toString(), "--top-percent", "10", "--threads", "1"));
    assertExit(0, predict(model, bigData, two.toString(), "--top-percent", "10", "--threads", "2"));
    assertEquals((long) BankData.ROWS * REPEATS + 1, lineCount(one));
    assertEquals(-1L, Files.mismatch(one, two), "outputs differ");
  }

  @Test
  void outDashWritesScoresToStdoutAndNoSummary() {
    CliRun run = predict(model, BankData.CSV, "-");
    assertExit(0, run);
    ScoreFile scores = ScoreFile.parse(run.out());
    assertEquals("score,decile", scores.header());
    assertEquals(BankData.ROWS, scores.rows().size());
    assertEquals(Set.of(), BankData.listing(dir), "files written");
    assertFalse(Files.exists(Path.of("-.summary.json")), "summary beside '-'");
  }

  @Test
  void outDashWithJsonIsAUsageError() {
    assertExit(2, predict(model, BankData.CSV, "-", "--json"));
  }

  @Test
  void existingOutputWithoutForceIsRefusedAndKept() throws IOException {
    Path out = Files.writeString(dir.resolve("scores.csv"), "keep me\n");
    CliRun run = predict(model, BankData.CSV, out.toString());
    assertExit(2, run);
    assertEquals("keep me\n", Files.readString(out));
    assertEquals(Set.of("scores.csv"), BankData.listing(dir), run.transcript());
  }

  @Test
  void forceReplacesAnExistingOutput() {
    Path out = dir.resolve("scores.csv");
    assertExit(0, predict(model, BankData.CSV, out.toString()));
    assertExit(0, predict(model, BankData.CSV, out.toString(), "--force", "--threshold", "0.3"));
    assertEquals("score,decile,selected", ScoreFile.read(out).header());
  }

  @Test
  void fileLackingAModelColumnFailsNamingItAndWritesNothing() {
    int column = BankData.column("euribor3m");
    List<String> lines =
        BankData.lines().stream().map(line -> BankData.withoutField(line, column)).toList();
    Path data = BankData.write(dir.resolve("no-euribor.csv"), lines);
    CliRun run = predict(model, data, dir.resolve("scores.csv").toString());
    assertExit(3, run);
    assertTrue(run.err().contains("'euribor3m'"), run.transcript());
    assertEquals(Set.of("no-euribor.csv"), BankData.listing(dir), run.transcript());
  }

  @Test
  void nonNumericValueFailsNamingLineAndColumnAndWritesNothing() {
    Path data = withBadAge();
    CliRun run = predict(model, data, dir.resolve("scores.csv").toString());
    assertExit(3, run);
    assertTrue(run.err().contains(data.getFileName() + ":" + BAD_LINE + ":"), run.transcript());
    assertTrue(run.err().contains("'age'"), run.transcript());
    assertEquals(Set.of(data.getFileName().toString()), BankData.listing(dir), run.transcript());
  }

  @Test
  void badRowsSkipScoresTheOtherRowsAndReportsTheSkippedLine() {
    Path out = dir.resolve("scores.csv");
    assertExit(0, predict(model, withBadAge(), out.toString(), "--set", "predict.bad_rows=skip"));
    assertEquals(BankData.ROWS - 1, ScoreFile.read(out).rows().size());
    JsonNode summary = json(dir.resolve("scores.summary.json"));
    assertEquals(BankData.ROWS - 1, summary.get("rows").asLong());
    assertEquals(1, summary.get("skipped_rows").asLong());
    assertEquals(1, summary.get("skipped").size());
    String skipped = summary.get("skipped").get(0).asText();
    assertTrue(skipped.startsWith(BAD_LINE + ":") && skipped.contains("'age'"), skipped);
  }

  @Test
  void gzipInputGivesTheSameScores() throws IOException {
    Path gz = dir.resolve("bank.csv.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      Files.copy(BankData.CSV, out);
    }
    Path plain = dir.resolve("plain.csv");
    Path fromGz = dir.resolve("from-gz.csv");
    assertExit(0, predict(model, BankData.CSV, plain.toString()));
    assertExit(0, predict(model, gz, fromGz.toString()));
    assertEquals(-1L, Files.mismatch(plain, fromGz), "scores differ");
  }

  // ---- helpers

  private static Path train(Path data, Path out, String... options) {
    assertExit(
        0,
        CliRun.train(
            data,
            out,
            CliRun.concat(List.of("--set", "data.drop=[duration]", "--quiet"), options)));
    return out;
  }

  private static CliRun predict(Path bundle, Path data, String out, String... options) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "predict", "--model", bundle.toString(), "--data", data.toString(), "--out", out));
    args.addAll(List.of(options));
    return CliRun.precis(args);
  }

  /** Scores to a file in this test's directory and reads it back. */
  private ScoreFile scored(Path bundle, Path data, String... options) {
    Path out = dir.resolve("scores-" + System.nanoTime() + ".csv");
    assertExit(0, predict(bundle, data, out.toString(), options));
    return ScoreFile.read(out);
  }

  private static void assertExit(int expected, CliRun run) {
    assertEquals(expected, run.exitCode(), run.transcript());
  }

  /** The bank file with one row's age replaced by words, at {@link #BAD_LINE}. */
  private Path withBadAge() {
    return BankData.write(
        dir.resolve("bad-age.csv"), BankData.withValue(BAD_LINE, "age", "forty-one"));
  }

  private static List<String> withCustomerIds(List<String> lines) {
    List<String> out = new ArrayList<>(List.of("\"customer_id\";" + lines.get(0)));
    for (int i = 1; i < lines.size(); i++) {
      out.add(customerId(i - 1) + ";" + lines.get(i));
    }
    return out;
  }

  private static String customerId(int row) {
    return String.format(java.util.Locale.ROOT, "C%05d", row + 1);
  }

  private static List<String> repeatedRows(List<String> lines, int times) {
    List<String> out = new ArrayList<>(List.of(lines.get(0)));
    for (int i = 0; i < times; i++) {
      out.addAll(lines.subList(1, lines.size()));
    }
    return out;
  }

  private static long lineCount(Path file) throws IOException {
    try (Stream<String> lines = Files.lines(file)) {
      return lines.count();
    }
  }

  private static JsonNode json(Path file) {
    try {
      return new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A scored CSV: its header and its rows split on commas. */
  private record ScoreFile(String header, List<String[]> rows) {
    static ScoreFile read(Path file) {
      try {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    static ScoreFile parse(String text) {
      List<String> lines = text.lines().toList();
      return new ScoreFile(
          lines.get(0),
          lines.subList(1, lines.size()).stream().map(l -> l.split(",", -1)).toList());
    }

    String text(int row, String column) {
      int index = List.of(header.split(",")).indexOf(column);
      assertTrue(index >= 0, "no column " + column + " in " + header);
      return rows.get(row)[index];
    }

    /** The scores of the rows whose selected flag is {@code selected}. */
    List<Double> scoresWhereSelected(boolean selected) {
      String flag = selected ? "1" : "0";
      List<Double> scores = new ArrayList<>();
      for (int i = 0; i < rows.size(); i++) {
        if (text(i, "selected").equals(flag)) {
          scores.add(Double.parseDouble(text(i, "score")));
        }
      }
      return scores;
    }
  }
}
