package dev.precis.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precis.PrecisException;
import dev.precis.cli.CliRun;
import dev.precis.train.ModelTraining;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Specifies the per-row scorer: rows from anywhere (here a list, with no file) get the scores
 * `predict` writes, and a row that cannot be scored gets its reason.
 */
class RowScorerTest {
  private static final Path BANK = ModelBundleTest.BANK;
  private static final Path ROWS = Path.of("bank rows");

  @TempDir static Path dir;

  private static Path bundleFile;
  private static ModelBundle bundle;
  private static List<String> columns;
  private static List<String[]> rows;

  @BeforeAll
  static void trainAndSplitTheBankFile() throws IOException {
    bundleFile = dir.resolve("bank.precis");
    bundle = ModelTraining.train(ModelBundleTest.bankConfig(), bundleFile).bundle();
    try (var out = Files.newOutputStream(bundleFile)) {
      bundle.write(out);
    }
    List<String> lines = Files.readAllLines(BANK, StandardCharsets.UTF_8);
    columns = Arrays.asList(split(lines.get(0)));
    rows = lines.subList(1, lines.size()).stream().map(RowScorerTest::split).toList();
  }

  /** The bank file's plain form: ';' between fields, quotes around strings. */
  private static String[] split(String line) {
    return Arrays.stream(line.split(";", -1)).map(f -> f.replace("\"", "")).toArray(String[]::new);
  }

  private static RowScorer scorer(boolean labels, boolean skipBadRows) {
    return new RowScorer(
        bundle, columns, new RowScorer.Options(ROWS, false, false, labels, skipBadRows, 0));
  }

  private static double[] scoreAll(RowScorer scorer, List<String[]> some) {
    for (int r = 0; r < some.size(); r++) {
      scorer.add(r + 2, some.get(r));
    }
    ScoredBlock block = scorer.score();
    return Arrays.copyOf(block.scores(), block.rows());
  }

  @Test
  void rowsFromAListGetTheScoresPredictWrites() throws IOException {
    Path out = dir.resolve("scores.csv");
    CliRun run =
        CliRun.precis(
            "predict",
            "--model",
            bundleFile.toString(),
            "--data",
            BANK.toString(),
            "--out",
            out.toString());
    assertEquals(0, run.exitCode(), run.transcript());
    List<String> written = Files.readAllLines(out);
    assertEquals("score", written.get(0).split(",")[0]);
    double[] scores = scoreAll(scorer(false, false), rows);
    assertEquals(written.size() - 1, scores.length);
    for (int r = 0; r < scores.length; r++) {
      BigDecimal printed = new BigDecimal(written.get(r + 1).split(",")[0]);
      assertEquals(
          printed.movePointRight(6).longValueExact(), Math.round(scores[r] * 1e6), "row " + r);
    }
  }

  @Test
  void rowsFromAListGetExactlyTheScoresOfTheFile() {
    List<Double> streamed = new ArrayList<>();
    new StreamingScorer(
            bundle, BANK, bundle.config().data(), StreamingScorer.Mode.IDENTIFIED, 2, false)
        .run(
            block -> block,
            block -> Arrays.stream(block.scores(), 0, block.rows()).forEach(streamed::add));
    double[] expected = streamed.stream().mapToDouble(Double::doubleValue).toArray();
    assertArrayEquals(expected, scoreAll(scorer(false, false), rows));
  }

  @Test
  void oneRowScoresAsInABatch() {
    RowScorer scorer = scorer(true, true);
    double[] batch = scoreAll(scorer, rows.subList(0, 5));
    for (int r = 0; r < 5; r++) {
      RowScorer.Outcome one = scorer.scoreRow(r + 2, rows.get(r));
      assertEquals(batch[r], one.score());
      assertNull(one.skipped());
      assertEquals(rows.get(r)[columns.indexOf("y")], one.label());
    }
  }

  @Test
  void rowThatCannotBeEncodedIsSkippedWithItsReason() {
    String[] bad = rows.get(3).clone();
    bad[columns.indexOf("age")] = "abc";
    RowScorer scorer = scorer(false, true);
    assertTrue(scorer.add(2, rows.get(0)));
    assertFalse(scorer.add(3, bad));
    ScoredBlock block = scorer.score();
    assertEquals(1, block.rows());
    assertEquals(List.of("3: column 'age' is numeric but holds 'abc'"), block.skipped());
    assertEquals("column 'age' is numeric but holds 'abc'", scorer.scoreRow(3, bad).skipped());
  }

  @Test
  void rowThatCannotBeEncodedFailsWhenBadRowsAreNotSkipped() {
    String[] bad = rows.get(3).clone();
    bad[columns.indexOf("age")] = "abc";
    PrecisException e = assertThrows(PrecisException.class, () -> scorer(false, false).add(5, bad));
    assertEquals(PrecisException.DATA, e.exitCode());
    assertTrue(e.getMessage().startsWith("bank rows:5: column 'age' is numeric"), e.getMessage());
  }

  @Test
  void rowWithoutLabelIsSkippedWhenLabelsAreRead() {
    String[] unlabelled = rows.get(0).clone();
    unlabelled[columns.indexOf("y")] = " ";
    RowScorer scorer = scorer(true, false);
    assertFalse(scorer.add(2, unlabelled));
    assertEquals(List.of("2: no label"), scorer.score().skipped());
  }

  @Test
  void rowsWithoutAColumnTheModelNeedsAreRefused() {
    List<String> renamed = new ArrayList<>(columns);
    renamed.set(renamed.indexOf("job"), "occupation");
    PrecisException e =
        assertThrows(
            PrecisException.class,
            () ->
                new RowScorer(
                    bundle, renamed, new RowScorer.Options(ROWS, false, false, false, true, 0)));
    assertTrue(e.getMessage().contains("no column 'job'"), e.getMessage());
  }
}
