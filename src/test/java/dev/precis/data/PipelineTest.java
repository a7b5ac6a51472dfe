package dev.precis.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precis.PrecisException;
import dev.precis.config.ColumnType;
import dev.precis.config.Mappers;
import dev.precis.config.PrecisConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Specifies the feature pipeline fitted on bank-additional.csv, and the seeded row splits. */
class PipelineTest {
  private static final String MISSING_TOKEN = "unknown";

  private static PrecisConfig config;
  private static Preparation.Source source;

  /** Table row indices of the holdout's training rows. */
  private static int[] trainRows;

  @TempDir Path dir;

  @BeforeAll
  static void readBank() {
    config = config();
    source = Preparation.Source.read(config, PipelineNeeds.SCALED);
    trainRows = Preparation.rowsOf(source.target(), source.splits().train());
  }

  private static PrecisConfig config(String... sets) {
    String[] all =
        Stream.concat(
                Stream.of(
                    "data.target=y",
                    "data.drop=[duration]",
                    "prep.missing.tokens=[" + MISSING_TOKEN + "]"),
                Arrays.stream(sets))
            .toArray(String[]::new);
    return CsvTableTest.bankConfig(all);
  }

  private static CsvTable table() {
    return source.table();
  }

  private static FeaturePipeline fit(PrecisConfig with, int[] rows) {
    return PipelineFitter.fit(
        table(),
        source.schema().features(),
        rows,
        with.prep(),
        PipelineNeeds.SCALED,
        "y",
        source.target().positive(),
        null,
        42,
        PersonalData.NONE);
  }

  private static <T extends ColumnStep> List<T> steps(FeaturePipeline pipeline, Class<T> type) {
    return pipeline.steps().stream().filter(type::isInstance).map(type::cast).toList();
  }

  private static NumericStep numeric(FeaturePipeline pipeline, String name) {
    return steps(pipeline, NumericStep.class).stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static CategoricalStep categorical(FeaturePipeline pipeline, String name) {
    return steps(pipeline, CategoricalStep.class).stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static double[] values(String column, int[] rows) {
    int c = table().columns().indexOf(column);
    return Arrays.stream(rows).mapToDouble(r -> Double.parseDouble(table().row(r)[c])).toArray();
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static double[][] encode(FeaturePipeline pipeline, int[] rows) {
    RowEncoder encoder = pipeline.encoder(table().file(), table().columns());
    double[][] x = new double[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      x[i] = dense(encoder, table().row(rows[i]));
    }
    return x;
  }

  /** One row encoded, with its zeros. */
  private static double[] dense(RowEncoder encoder, String[] row) {
    SparseRows sparse = new SparseRows(encoder.featureCount());
    encoder.encode(row, sparse);
    double[] out = new double[encoder.featureCount()];
    sparse.dense(0, out);
    return out;
  }

  private static String[] bankRowWith(String column, String value) {
    String[] row = table().row(0).clone();
    row[table().columns().indexOf(column)] = value;
    return row;
  }

  // --- schema -----------------------------------------------------------------------------------

  @Test
  void schemaLeavesOutTargetAndDroppedColumns() {
    List<String> names = source.schema().features().stream().map(ColumnSpec::name).toList();
    assertFalse(names.contains("y"));
    assertFalse(names.contains("duration"));
    assertEquals(table().columns().size() - 2, names.size());
  }

  @Test
  void schemaInfersNumbersAndCategories() {
    Map<String, ColumnType> types = new HashMap<>();
    source.schema().features().forEach(s -> types.put(s.name(), s.type()));
    assertEquals(ColumnType.NUMERIC, types.get("age"));
    assertEquals(ColumnType.NUMERIC, types.get("emp.var.rate"));
    assertEquals(ColumnType.CATEGORICAL, types.get("job"));
    assertEquals(ColumnType.CATEGORICAL, types.get("default"));
  }

  @Test
  void targetTakesTheMinorityClassAsPositive() {
    Target target = source.target();
    assertEquals("yes", target.positive());
    assertTrue(target.positives() < target.labels().length / 2);
  }

  // --- numeric columns --------------------------------------------------------------------------

  @Test
  void numericFillIsTheMedianOfTheTrainingRows() {
    FeaturePipeline pipeline = source.fit(source.splits().train());
    for (String column : List.of("age", "campaign", "euribor3m")) {
      assertEquals(median(values(column, trainRows)), numeric(pipeline, column).fill(), column);
    }
  }

  @Test
  void numericFillLooksAtTheFittedRowsOnly() {
    // the older half of the training rows: their median age cannot be the median of all rows
    int[] allRows = IntStream.range(0, table().rowCount()).toArray();
    double[] ages = values("age", trainRows);
    double cut = median(ages);
    int age = table().columns().indexOf("age");
    int[] older =
        Arrays.stream(trainRows)
            .filter(r -> Double.parseDouble(table().row(r)[age]) > cut)
            .toArray();
    assertNotEquals(median(values("age", allRows)), median(values("age", older)));
    FeaturePipeline pipeline = fit(config, older);
    assertEquals(median(values("age", older)), numeric(pipeline, "age").fill());
  }

  @Test
  void numericFeaturesHaveMeanZeroAndSdOneOnTheTrainingRows() {
    FeaturePipeline pipeline = source.fit(source.splits().train());
    double[][] x = encode(pipeline, trainRows);
    List<String> names = pipeline.featureNames();
    for (NumericStep column : steps(pipeline, NumericStep.class)) {
      int f = names.indexOf(column.name());
      double mean = Arrays.stream(x).mapToDouble(row -> row[f]).average().orElseThrow();
      double variance =
          Arrays.stream(x)
              .mapToDouble(row -> (row[f] - mean) * (row[f] - mean))
              .average()
              .orElseThrow();
      assertEquals(0.0, mean, 1e-9, column.name());
      assertEquals(1.0, Math.sqrt(variance), 1e-9, column.name());
    }
  }

  @Test
  void scaleNoneLeavesNumbersAsTheyAre() {
    FeaturePipeline pipeline = fit(config("prep.scale=none"), trainRows);
    double[][] x = encode(pipeline, trainRows);
    int f = pipeline.featureNames().indexOf("age");
    assertArrayEquals(
        values("age", trainRows), Arrays.stream(x).mapToDouble(row -> row[f]).toArray());
  }

  @Test
  void missingNumberIsFilledAndFlagged() throws IOException {
    Path file = dir.resolve("n.csv");
    Files.writeString(file, "x,y\n1,a\n,b\n3,a\nNA,b\n10,a\n");
    CsvTable small = CsvTable.read(file, config.data());
    PrecisConfig withNa = config("prep.missing.tokens=[NA]", "prep.scale=none");
    List<ColumnSpec> schema = List.of(new ColumnSpec("x", ColumnType.NUMERIC));
    FeaturePipeline pipeline =
        PipelineFitter.fit(
            small,
            schema,
            new int[] {0, 1, 2, 3, 4},
            withNa.prep(),
            PipelineNeeds.SCALED,
            "y",
            "b",
            null,
            42,
            PersonalData.NONE);
    NumericStep x = steps(pipeline, NumericStep.class).get(0);
    assertEquals(3.0, x.fill(), "median of 1, 3, 10");
    assertTrue(x.indicator());
    assertEquals(List.of("x", "x:missing"), pipeline.featureNames());
    RowEncoder encoder = pipeline.encoder(file, small.columns());
    double[] out = dense(encoder, small.row(1));
    assertArrayEquals(new double[] {3.0, 1.0}, out);
    out = dense(encoder, small.row(2));
    assertArrayEquals(new double[] {3.0, 0.0}, out);
  }

  @Test
  void meanImputationFillsWithTheMean() throws IOException {
    Path file = dir.resolve("n.csv");
    Files.writeString(file, "x,y\n1,a\n,b\n3,a\n10,b\n");
    CsvTable small = CsvTable.read(file, config.data());
    PrecisConfig withMean = config("prep.missing.numeric=mean");
    FeaturePipeline pipeline =
        PipelineFitter.fit(
            small,
            List.of(new ColumnSpec("x", ColumnType.NUMERIC)),
            new int[] {0, 1, 2, 3},
            withMean.prep(),
            PipelineNeeds.SCALED,
            "y",
            "b",
            null,
            42,
            PersonalData.NONE);
    assertEquals((1.0 + 3 + 10) / 3, steps(pipeline, NumericStep.class).get(0).fill(), 1e-12);
  }

  @Test
  void bankNumbersWithoutMissingValuesGetNoIndicator() {
    FeaturePipeline pipeline = source.fit(source.splits().train());
    assertFalse(numeric(pipeline, "age").indicator());
    assertFalse(pipeline.featureNames().contains("age:missing"));
  }

  // --- categorical columns ----------------------------------------------------------------------

  @Test
  void categoricalColumnWithMissingValuesGetsAMissingLevel() {
    FeaturePipeline pipeline = source.fit(source.splits().train());
    int c = table().columns().indexOf("default");
    assertTrue(Arrays.stream(trainRows).anyMatch(r -> table().row(r)[c].equals(MISSING_TOKEN)));
    List<String> levels = categorical(pipeline, "default").levels();
    assertTrue(levels.contains(FeaturePipeline.MISSING_LEVEL), levels.toString());
    assertFalse(levels.contains(MISSING_TOKEN), levels.toString());
  }

  @Test
  void missingTokenEncodesAsTheMissingLevel() {
    FeaturePipeline pipeline = source.fit(source.splits().train());
    double[] out =
        dense(
            pipeline.encoder(table().file(), table().columns()),
            bankRowWith("default", MISSING_TOKEN));
    List<String> names = pipeline.featureNames();
    for (String level : categorical(pipeline, "default").levels()) {
      double expected = level.equals(FeaturePipeline.MISSING_LEVEL) ? 1.0 : 0.0;
      assertEquals(expected, out[names.indexOf("default=" + level)], level);
    }
  }

  @Test
  void categoricalColumnWithoutMissingValuesHasNoMissingLevel() {
    FeaturePipeline pipeline = source.fit(source.splits().train());
    int c = table().columns().indexOf("contact");
    assertTrue(Arrays.stream(trainRows).noneMatch(r -> table().row(r)[c].equals(MISSING_TOKEN)));
    assertFalse(categorical(pipeline, "contact").levels().contains(FeaturePipeline.MISSING_LEVEL));
  }

  @Test
  void eachCategoricalRowSetsExactlyOneOfItsFeatures() {
    FeaturePipeline pipeline = source.fit(source.splits().train());
    double[][] x = encode(pipeline, trainRows);
    List<String> names = pipeline.featureNames();
    for (CategoricalStep column : steps(pipeline, CategoricalStep.class)) {
      int[] features =
          column.levels().stream().mapToInt(l -> names.indexOf(column.name() + "=" + l)).toArray();
      for (double[] row : x) {
        assertEquals(1.0, Arrays.stream(features).mapToDouble(f -> row[f]).sum(), column.name());
      }
    }
  }

  @Test
  void maxLevelsKeepsTheMostFrequentLevelsAndFoldsTheRestIntoOther() {
    FeaturePipeline pipeline = fit(config("prep.encode.max_levels=3"), trainRows);
    int c = table().columns().indexOf("job");
    Map<String, Long> counts = new HashMap<>();
    for (int r : trainRows) {
      String job = table().row(r)[c];
      if (!job.equals(MISSING_TOKEN)) {
        counts.merge(job, 1L, Long::sum);
      }
    }
    List<String> top3 =
        counts.entrySet().stream()
            .sorted(
                Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                    .thenComparing(Map.Entry.comparingByKey()))
            .limit(3)
            .map(Map.Entry::getKey)
            .sorted()
            .toList();
    List<String> expected = new ArrayList<>(top3);
    expected.add(FeaturePipeline.OTHER_LEVEL);
    expected.add(FeaturePipeline.MISSING_LEVEL);
    assertEquals(expected, categorical(pipeline, "job").levels());
  }

  @Test
  void rareLevelEncodesAsOther() {
    FeaturePipeline pipeline = fit(config("prep.encode.max_levels=3"), trainRows);
    List<String> kept = categorical(pipeline, "job").levels();
    int c = table().columns().indexOf("job");
    String rare =
        Arrays.stream(trainRows)
            .mapToObj(r -> table().row(r)[c])
            .filter(job -> !kept.contains(job) && !job.equals(MISSING_TOKEN))
            .findFirst()
            .orElseThrow();
    double[] out =
        dense(pipeline.encoder(table().file(), table().columns()), bankRowWith("job", rare));
    assertEquals(1.0, out[pipeline.featureNames().indexOf("job=" + FeaturePipeline.OTHER_LEVEL)]);
  }

  @Test
  void unseenLevelIsCountedAndEncodesAsNoLevel() {
    FeaturePipeline pipeline = source.fit(source.splits().train());
    RowEncoder encoder = pipeline.encoder(table().file(), table().columns());
    double[] out = dense(encoder, table().row(0));
    assertEquals(0, encoder.unseenLevels());
    out = dense(encoder, bankRowWith("job", "astronaut"));
    assertEquals(1, encoder.unseenLevels());
    out = dense(encoder, bankRowWith("job", "astronaut"));
    assertEquals(2, encoder.unseenLevels());
    List<String> names = pipeline.featureNames();
    for (String level : categorical(pipeline, "job").levels()) {
      assertEquals(0.0, out[names.indexOf("job=" + level)], level);
    }
  }

  @Test
  void unknownLevelGoesToOtherAndCountsAsUnseen() {
    FeaturePipeline pipeline = fit(config("prep.encode.max_levels=3"), trainRows);
    RowEncoder encoder = pipeline.encoder(table().file(), table().columns());
    // every other categorical value is a kept level, so only the job can be unseen
    String[] row = table().row(0).clone();
    for (CategoricalStep column : steps(pipeline, CategoricalStep.class)) {
      row[table().columns().indexOf(column.name())] = column.levels().get(0);
    }
    row[table().columns().indexOf("job")] = "astronaut";
    double[] out = dense(encoder, row);
    // the pipeline lists the levels it folded into "(other)", so a new one is told apart
    assertEquals(Map.of("job", 1L), encoder.unseenByColumn());
    assertEquals(1.0, out[pipeline.featureNames().indexOf("job=" + FeaturePipeline.OTHER_LEVEL)]);
  }

  @Test
  void levelFoldedIntoOtherAtFitTimeIsNotCountedAsUnseen() {
    // unseenLevels() counts "categorical values met that the training data did not have"
    FeaturePipeline pipeline = fit(config("prep.encode.max_levels=3"), trainRows);
    RowEncoder encoder = pipeline.encoder(table().file(), table().columns());
    for (int r : trainRows) {
      dense(encoder, table().row(r));
    }
    assertEquals(0, encoder.unseenLevels(), "the training rows themselves hold no unseen level");
  }

  @Test
  void encoderNeedsTheColumnsOfThePipeline() {
    FeaturePipeline pipeline = source.fit(source.splits().train());
    List<String> columns = new ArrayList<>(table().columns());
    columns.set(columns.indexOf("job"), "occupation");
    PrecisException e =
        assertThrows(PrecisException.class, () -> pipeline.encoder(table().file(), columns));
    assertEquals(PrecisException.DATA, e.exitCode());
    assertTrue(e.getMessage().contains("'job'"), e.getMessage());
  }

  @Test
  void badNumberAtEncodeTimeIsReported() {
    FeaturePipeline pipeline = source.fit(source.splits().train());
    RowEncoder encoder = pipeline.encoder(table().file(), table().columns());
    RowEncoder.BadValue e =
        assertThrows(
            RowEncoder.BadValue.class,
            () ->
                encoder.encode(
                    bankRowWith("age", "forty"), new SparseRows(encoder.featureCount())));
    assertEquals("age", e.column());
    assertEquals("forty", e.value());
  }

  // --- persistence ------------------------------------------------------------------------------

  @Test
  void pipelineRoundTripsThroughJson() throws IOException {
    FeaturePipeline pipeline = fit(config("prep.encode.max_levels=3"), trainRows);
    String json = Mappers.json().writeValueAsString(pipeline);
    FeaturePipeline back = Mappers.json().readValue(json, FeaturePipeline.class);
    assertEquals(pipeline, back);
    assertEquals(pipeline.featureNames(), back.featureNames());
  }

  // --- splits -----------------------------------------------------------------------------------

  private static boolean[] labels() {
    return source.target().labels();
  }

  private static double positiveRate(int[] part) {
    return Arrays.stream(part).filter(i -> labels()[i]).count() / (double) part.length;
  }

  private static double overallRate() {
    return positiveRate(IntStream.range(0, labels().length).toArray());
  }

  private static void assertDisjointAndComplete(int n, int[]... parts) {
    int[] seen = new int[n];
    for (int[] part : parts) {
      for (int i : part) {
        seen[i]++;
      }
    }
    for (int i = 0; i < n; i++) {
      assertEquals(1, seen[i], "row " + i);
    }
  }

  @Test
  void holdoutIsStratified() {
    Splits splits = Splits.holdout(labels(), 0.15, 0.15, true, 42);
    for (int[] part : new int[][] {splits.train(), splits.valid(), splits.test()}) {
      assertEquals(overallRate(), positiveRate(part), 0.01);
    }
  }

  @Test
  void holdoutHoldsOutTheConfiguredShares() {
    int n = labels().length;
    Splits splits = Splits.holdout(labels(), 0.2, 0.1, true, 42);
    assertEquals(0.2 * n, splits.valid().length, 2);
    assertEquals(0.1 * n, splits.test().length, 2);
  }

  @Test
  void holdoutIsDisjointAndComplete() {
    for (boolean stratify : new boolean[] {true, false}) {
      Splits splits = Splits.holdout(labels(), 0.15, 0.15, stratify, 42);
      assertDisjointAndComplete(labels().length, splits.train(), splits.valid(), splits.test());
    }
  }

  @Test
  void holdoutPartsAreInFileOrder() {
    Splits splits = Splits.holdout(labels(), 0.15, 0.15, true, 42);
    for (int[] part : new int[][] {splits.train(), splits.valid(), splits.test()}) {
      int[] sorted = part.clone();
      Arrays.sort(sorted);
      assertArrayEquals(sorted, part);
    }
  }

  @Test
  void holdoutWithTheSameSeedGivesTheSameParts() {
    Splits one = Splits.holdout(labels(), 0.15, 0.15, true, 42);
    Splits two = Splits.holdout(labels(), 0.15, 0.15, true, 42);
    assertArrayEquals(one.train(), two.train());
    assertArrayEquals(one.valid(), two.valid());
    assertArrayEquals(one.test(), two.test());
  }

  @Test
  void holdoutWithAnotherSeedGivesOtherParts() {
    Splits one = Splits.holdout(labels(), 0.15, 0.15, true, 42);
    Splits two = Splits.holdout(labels(), 0.15, 0.15, true, 43);
    assertFalse(Arrays.equals(one.valid(), two.valid()));
    assertFalse(Arrays.equals(one.test(), two.test()));
  }

  @Test
  void configuredSplitIsTheSeededHoldout() {
    Splits expected = Splits.holdout(labels(), 0.15, 0.15, true, config.seed());
    assertArrayEquals(expected.test(), source.splits().test());
  }

  @Test
  void foldsAreDisjointCompleteAndStratified() {
    int[][] folds = Splits.folds(labels(), 5, 42);
    assertEquals(5, folds.length);
    assertDisjointAndComplete(labels().length, folds);
    for (int[] fold : folds) {
      assertEquals(overallRate(), positiveRate(fold), 0.01);
      assertEquals(labels().length / 5.0, fold.length, 1.0);
    }
  }

  @Test
  void foldsAreSeeded() {
    assertArrayEquals(Splits.folds(labels(), 5, 42)[0], Splits.folds(labels(), 5, 42)[0]);
    assertFalse(Arrays.equals(Splits.folds(labels(), 5, 42)[0], Splits.folds(labels(), 5, 7)[0]));
  }

  @Test
  void permutationHoldsEveryIndexOnce() {
    int[] p = Splits.permutation(1000, 3);
    assertDisjointAndComplete(1000, p);
    assertFalse(Arrays.equals(IntStream.range(0, 1000).toArray(), p));
  }

  @Test
  void complementIsWhatIsLeft() {
    assertArrayEquals(new int[] {0, 2, 4}, Splits.complement(5, new int[] {1, 3}));
  }
}
