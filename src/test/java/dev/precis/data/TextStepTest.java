package dev.precis.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precis.config.DataConfig;
import dev.precis.config.Mappers;
import dev.precis.config.PrepConfig;
import dev.precis.config.TextConfig;
import dev.precis.config.TextConfig.Weighting;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Specifies the text step: the vocabulary it keeps, the weights it writes (TF-IDF as
 * scikit-learn's), hashing, and its round trip through pipeline.json.
 */
class TextStepTest {
  /** Six texts, the fifth blank (no features; scikit-learn counts it as an empty document). */
  private static final List<String> DOCS =
      List.of(
          "Free entry: call NOW to win £100",
          "call me now, ok?",
          "Ok FREE call",
          "Café naïve café",
          "   ",
          "win win win now");

  /**
   * scikit-learn 1.x on DOCS, computed once with /usr/bin/python3:
   *
   * <pre>
   * v = TfidfVectorizer(token_pattern=r"(?u)[^\W_]+", ngram_range=(1, 2), min_df=2,
   *                     sublinear_tf=True)
   * X = v.fit_transform(DOCS)  # with "   " as the fifth; v.get_feature_names_out(); v.idf_; X.toarray()
   * </pre>
   */
  private static final List<String> SKLEARN_TERMS = List.of("call", "free", "now", "ok", "win");

  private static final double[] SKLEARN_IDF = {
    1.559615787935, 1.847297860387, 1.559615787935, 1.847297860387, 1.847297860387
  };

  private static final double[][] SKLEARN_ROWS = {
    {0.456156304436, 0.540297534627, 0.456156304436, 0, 0.540297534627},
    {0.542091946056, 0, 0.542091946056, 0.642084608164, 0},
    {0.512592957246, 0.607144323939, 0, 0.607144323939, 0},
    {0, 0, 0, 0, 0},
    {0, 0, 0, 0, 0},
    {0, 0, 0.373228284742, 0, 0.927739536437}
  };

  @TempDir Path dir;
  private CsvTable table;

  @Test
  void tfidfMatchesScikitLearn() throws IOException {
    TextStep step = fit(text(1, 2, 0, 0, 20000, 2, Weighting.TFIDF), PipelineNeeds.SCALED);
    assertEquals(SKLEARN_TERMS, step.terms());
    assertArrayEquals(SKLEARN_IDF, step.idf(), 1e-9);
    assertEquals(List.of("message:call", "message:free"), step.featureNames().subList(0, 2));
    assertEquals(step.featureNames().size(), step.featureCount());
    double[][] rows = encode(step);
    for (int r = 0; r < DOCS.size(); r++) {
      assertArrayEquals(SKLEARN_ROWS[r], rows[r], 1e-9, "row " + r);
    }
  }

  @Test
  void minCountCountsDocumentsNotOccurrences() throws IOException {
    // "win" is in two documents (three times in one), "café" twice in one document only
    TextStep step = fit(text(1, 1, 0, 0, 20000, 2, Weighting.COUNTS), PipelineNeeds.SCALED);
    assertFalse(step.terms().contains("café"));
    assertEquals(List.of("call", "free", "now", "ok", "win"), step.terms());
    assertArrayEquals(new double[] {0, 0, 1, 0, 3}, encode(step)[5]);
  }

  @Test
  void maxFeaturesKeepsTheTermsInMostDocumentsTiesByTerm() throws IOException {
    // document counts: call 3, now 3, free 2, ok 2, win 2, then 1 each
    TextStep step = fit(text(1, 2, 0, 0, 3, 1, Weighting.BINARY), PipelineNeeds.SCALED);
    assertEquals(List.of("call", "free", "now"), step.terms());
    assertArrayEquals(new double[] {1, 1, 1}, encode(step)[0]);
  }

  @Test
  void bigramsAndCharacterGramsAreTermsToo() throws IOException {
    TextStep step = fit(text(2, 2, 0, 0, 20000, 1, Weighting.COUNTS), PipelineNeeds.SCALED);
    assertEquals(
        List.of(
            "café naïve",
            "call me",
            "call now",
            "entry call",
            "free call",
            "free entry",
            "me now",
            "naïve café",
            "now ok",
            "now to",
            "ok free",
            "to win",
            "win 100",
            "win now",
            "win win"),
        step.terms());
    TextStep chars = fit(text(1, 1, 3, 3, 20000, 3, Weighting.COUNTS), PipelineNeeds.SCALED);
    assertTrue(chars.terms().contains("[cal]"), chars.terms().toString());
    assertTrue(chars.featureNames().contains("message:[ ca]"));
  }

  @Test
  void hashingUsesMurmur3AsScikitLearnDoesAndIsUnsignedForNaiveBayes() throws IOException {
    // sklearn.utils.murmurhash3_32(term, seed=0)
    assertEquals(-632657554, TextStep.murmur3(utf8("call")));
    assertEquals(309951297, TextStep.murmur3(utf8("call now")));
    assertEquals(269551495, TextStep.murmur3(utf8("é")));
    assertEquals(-1765863102, TextStep.murmur3(utf8("東京")));
    assertEquals(1009084850, TextStep.murmur3(utf8("a")));
    TextConfig hashing = text(1, 1, 0, 0, 20000, 2, Weighting.HASHING);
    TextStep signed = fit(hashing, PipelineNeeds.SCALED);
    TextStep unsigned = fit(hashing, new PipelineNeeds(PipelineNeeds.Numbers.NON_NEGATIVE, false));
    assertTrue(signed.signed());
    assertFalse(unsigned.signed());
    assertEquals(1 << 18, signed.featureCount());
    assertEquals(signed.featureNames().size(), signed.featureCount());
    double[] row = encode(signed)[2]; // "ok free call", each once: three buckets of 1/sqrt(3)
    assertEquals(3, IntStream.range(0, row.length).filter(b -> row[b] != 0).count());
    // "call" hashes negative: its bucket is |h| mod 2^18 and subtracts
    assertEquals(-1 / Math.sqrt(3), row[(int) (632657554L % (1 << 18))], 1e-12);
    double[] plain = encode(unsigned)[2];
    assertEquals(1 / Math.sqrt(3), plain[(int) (632657554L % (1 << 18))], 1e-12);
  }

  @Test
  void pipelineJsonRoundTripKeepsVocabularyAndWeights() throws IOException {
    TextStep step = fit(text(1, 2, 2, 3, 20000, 1, Weighting.TFIDF), PipelineNeeds.SCALED);
    FeaturePipeline pipeline = new FeaturePipeline("label", "spam", null, List.of(), List.of(step));
    String json = Mappers.json().writeValueAsString(pipeline);
    assertTrue(json.replace(" ", "").contains("\"step\":\"text\""), json);
    FeaturePipeline read = Mappers.json().readValue(json, FeaturePipeline.class);
    assertEquals(pipeline, read);
    assertEquals(pipeline.featureNames(), read.featureNames());
    double[][] before = encode(step);
    double[][] after = encode((TextStep) read.steps().get(0));
    for (int r = 0; r < DOCS.size(); r++) {
      assertArrayEquals(before[r], after[r]);
    }
  }

  /**
   * A pipeline of a text step alone has no duplicate names to look for: its vocabulary refuses a
   * term listed twice, as an edited pipeline.json could list it.
   */
  @Test
  void aVocabularyRefusesATermListedTwice() throws IOException {
    TextStep step = fit(text(1, 2, 0, 0, 20000, 1, Weighting.TFIDF), PipelineNeeds.SCALED);
    String json = Mappers.json().writeValueAsString(step);
    String twice = json.replace("\"call now\"", "\"call\"");
    assertNotEquals(json, twice);
    Exception e =
        assertThrows(Exception.class, () -> Mappers.json().readValue(twice, ColumnStep.class));
    assertTrue(e.getMessage().contains("the text vocabulary lists 'call' twice"), e.getMessage());
  }

  /**
   * The rows the step was fitted on encode from the terms the fit met, as their texts split again
   * do; a row of another table is split, though it has the same row number.
   */
  @Test
  void fittedRowsEncodeAsTheirTextsAndOtherTablesRowsAreSplit() throws IOException {
    for (TextConfig text :
        List.of(
            text(1, 2, 0, 0, 20000, 2, Weighting.TFIDF),
            text(1, 3, 2, 4, 7, 1, Weighting.COUNTS),
            text(2, 2, 0, 0, 20000, 1, Weighting.BINARY))) {
      TextStep step = fit(text, PipelineNeeds.SCALED);
      assertNotNull(step.fitted());
      assertDeepEquals(encode(step), encode(step, table, DOCS));
      List<String> others = DOCS.stream().map(doc -> doc.replace("call", "ok")).toList();
      assertDeepEquals(encode(step, null, others), encode(step, table(others), others));
      // the fitted table's rows come from the fit, not from the fields (which are theirs)
      assertDeepEquals(encode(step), encode(step, table, others));
    }
  }

  /** Past the occurrences it may keep, a fit keeps none, and its rows are split again. */
  @Test
  void aFitKeepsNoTermsPastItsLimit() throws IOException {
    fit(text(1, 2, 0, 0, 20000, 1, Weighting.COUNTS), PipelineNeeds.SCALED);
    TextTerms analyzer = new TextTerms(1, 2, 0, 0);
    int occurrences = 0;
    for (String doc : DOCS) {
      int[] count = {0};
      analyzer.forEach(doc, (chars, length) -> count[0]++);
      occurrences += count[0];
    }
    for (int limit : new int[] {occurrences - 1, occurrences}) {
      TrainingColumn column = column(table);
      TermCounts counts = new TermCounts(column.size(), limit, 16);
      for (int i = 0; i < column.size(); i++) {
        counts.count(i, column.value(i), analyzer);
      }
      FittedTerms fitted = counts.fitted(column, counts.kept(1, 20000));
      assertEquals(limit == occurrences, fitted != null, "limit " + limit);
      if (fitted != null) {
        assertEquals(occurrences, fitted.features().length);
      }
    }
  }

  private static void assertDeepEquals(double[][] expected, double[][] actual) {
    for (int r = 0; r < expected.length; r++) {
      assertArrayEquals(expected[r], actual[r], "row " + r);
    }
  }

  private static TextConfig text(
      int ngramMin,
      int ngramMax,
      int charMin,
      int charMax,
      int maxFeatures,
      int minCount,
      Weighting weighting) {
    return new TextConfig(
        ngramMin,
        ngramMax,
        charMin,
        charMax,
        maxFeatures,
        minCount,
        weighting,
        1 << 18,
        TextConfig.Embed.NONE);
  }

  private TextStep fit(TextConfig text, PipelineNeeds needs) throws IOException {
    table = table(DOCS);
    PrepConfig prep =
        new PrepConfig(
            new PrepConfig.Missing(List.of(), PrepConfig.Impute.MEDIAN),
            new PrepConfig.Encode(50),
            PrepConfig.Scale.STANDARD,
            new PrepConfig.Split(0, 0, true),
            text,
            PrepConfig.Layout.AUTO);
    return TextStep.fit(column(table), prep, needs);
  }

  private CsvTable table(List<String> docs) throws IOException {
    Path file = Files.createTempFile(dir, "docs", ".tsv");
    StringBuilder lines = new StringBuilder("message\n");
    docs.forEach(doc -> lines.append(doc).append('\n'));
    Files.writeString(file, lines);
    CsvTable read =
        CsvTable.read(
            file,
            new DataConfig(
                null, "\\t", true, null, null, null, null, null, null, DataConfig.Quote.NONE));
    assertEquals(docs.size(), read.rowCount());
    return read;
  }

  /** Every row of the table, in reverse order: the fitted terms are looked up by table row. */
  private static TrainingColumn column(CsvTable table) {
    int[] rows = IntStream.range(0, table.rowCount()).map(r -> table.rowCount() - 1 - r).toArray();
    return new TrainingColumn(table, 0, rows, new MissingValues(List.of()));
  }

  /** DOCS's rows, their texts split anew. */
  private static double[][] encode(TextStep step) {
    return encode(step, null, DOCS);
  }

  /** The rows of {@code docs}, said to be rows of {@code table} when it is not null. */
  private static double[][] encode(TextStep step, CsvTable table, List<String> docs) {
    StepEncoder encoder = step.encoder(new int[] {0}, 0, new MissingValues(List.of()));
    int width = step.featureNames().size();
    SparseRows out = new SparseRows(width);
    double[][] rows = new double[docs.size()][width];
    for (int r = 0; r < docs.size(); r++) {
      if (table != null) {
        encoder.atRow(table, r);
      }
      encoder.encode(new String[] {docs.get(r)}, out);
      out.endRow();
      out.dense(r, rows[r]);
    }
    return rows;
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
