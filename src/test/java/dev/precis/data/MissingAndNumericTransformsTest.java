package dev.precis.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.precis.PrecisException;
import dev.precis.config.ColumnType;
import dev.precis.config.Mappers;
import dev.precis.config.PrecisConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Specifies the missing-value strategies, sentinels and numeric transforms of the feature pipeline:
 * on the bank sample where the behaviour is about real data, on small fixtures for exact values.
 */
class MissingAndNumericTransformsTest {
  private static Preparation.Source bank;
  private static int[] trainRows;

  @TempDir Path dir;

  @BeforeAll
  static void readBank() {
    bank = Preparation.Source.read(config(), PipelineNeeds.SCALED);
    trainRows = Preparation.rowsOf(bank.target(), bank.splits().train());
  }

  private static PrecisConfig config(String... sets) {
    String[] all =
        Stream.concat(
                Stream.of("data.target=y", "data.drop=[duration]", "prep.missing.tokens=[unknown]"),
                Arrays.stream(sets))
            .toArray(String[]::new);
    return CsvTableTest.bankConfig(all);
  }

  private static FeaturePipeline fitBank(PipelineNeeds needs, String... sets) {
    return PipelineFitter.fit(
        bank.table(),
        bank.schema().features(),
        trainRows,
        config(sets).prep(),
        needs,
        "y",
        "yes",
        null,
        42,
        PersonalData.NONE);
  }

  private static <T extends ColumnStep> T step(FeaturePipeline pipeline, String name, Class<T> c) {
    return pipeline.steps().stream()
        .filter(s -> s.inputColumns().equals(List.of(name)))
        .map(c::cast)
        .findFirst()
        .orElseThrow();
  }

  /** The training values of a bank column, as numbers. */
  private static double[] bankValues(String column) {
    int c = bank.table().columns().indexOf(column);
    return Arrays.stream(trainRows)
        .mapToDouble(r -> Double.parseDouble(bank.table().row(r)[c]))
        .toArray();
  }

  /** numpy's default quantile, written out independently of the code under test. */
  private static double quantile(double[] values, double q) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double h = (sorted.length - 1) * q;
    int lo = (int) Math.floor(h);
    int hi = (int) Math.ceil(h);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  /** One row encoded, with its zeros, by feature name. */
  private static double feature(FeaturePipeline pipeline, String[] row, String name) {
    RowEncoder encoder = pipeline.encoder(Path.of("rows.csv"), bank.table().columns());
    SparseRows sparse = new SparseRows(encoder.featureCount());
    encoder.encode(row, sparse);
    double[] out = new double[encoder.featureCount()];
    sparse.dense(0, out);
    return out[pipeline.featureNames().indexOf(name)];
  }

  private static String[] bankRowWith(String column, String value) {
    String[] row = bank.table().row(trainRows[0]).clone();
    row[bank.table().columns().indexOf(column)] = value;
    return row;
  }

  // --- sentinels ---------------------------------------------------------------------------------

  @Test
  void pdaysSentinelBecomesAMissingValueWithItsIndicator() {
    FeaturePipeline plain = fitBank(PipelineNeeds.SCALED);
    assertFalse(plain.featureNames().contains("pdays:missing"), "999 is a number by default");

    FeaturePipeline pipeline =
        fitBank(PipelineNeeds.SCALED, "prep.missing.sentinels={pdays: [999]}");
    NumericStep pdays = step(pipeline, "pdays", NumericStep.class);
    double[] contacted = Arrays.stream(bankValues("pdays")).filter(v -> v != 999).toArray();
    assertTrue(contacted.length > 50 && contacted.length < trainRows.length / 10);
    assertEquals(quantile(contacted, 0.5), pdays.fill(), "median of the contacted clients only");
    assertEquals(
        Arrays.stream(contacted).average().orElseThrow(), pdays.center(), 1e-9, "their mean");
    assertEquals(List.of(999.0), pdays.sentinels());

    String[] never = bankRowWith("pdays", "999");
    assertEquals(1.0, feature(pipeline, never, "pdays:missing"));
    assertEquals(
        (pdays.fill() - pdays.center()) / pdays.scale(), feature(pipeline, never, "pdays"));
    assertEquals(1.0, feature(pipeline, bankRowWith("pdays", "999.0"), "pdays:missing"));
    String[] sixDays = bankRowWith("pdays", "6");
    assertEquals(0.0, feature(pipeline, sixDays, "pdays:missing"));
    assertEquals((6 - pdays.center()) / pdays.scale(), feature(pipeline, sixDays, "pdays"));
  }

  // --- imputation --------------------------------------------------------------------------------

  /** x: 1, 1, 5, 9, 10 and one blank; c: a, a, b, blank, b, a. */
  private FeaturePipeline fitFixture(String... sets) throws IOException {
    Path file = dir.resolve("f.csv");
    Files.writeString(file, "x,c,y\n1,a,n\n1,a,y\n5,b,n\n,,y\n9,b,n\n10,a,y\n");
    CsvTable small = CsvTable.read(file, config().data());
    List<String> all = new ArrayList<>(List.of("prep.scale=none"));
    all.addAll(List.of(sets));
    return PipelineFitter.fit(
        small,
        List.of(
            new ColumnSpec("x", ColumnType.NUMERIC), new ColumnSpec("c", ColumnType.CATEGORICAL)),
        new int[] {0, 1, 2, 3, 4, 5},
        config(all.toArray(String[]::new)).prep(),
        PipelineNeeds.SCALED,
        "y",
        "y",
        null,
        42,
        PersonalData.NONE);
  }

  @Test
  void eachNumericStrategyFillsWithItsValue() throws IOException {
    assertEquals(5.0, fill(fitFixture()), "median by default");
    assertEquals(5.2, fill(fitFixture("prep.missing.numeric=mean")), 1e-12);
    assertEquals(1.0, fill(fitFixture("prep.missing.numeric=most_frequent")));
    assertEquals(
        -1.0, fill(fitFixture("prep.missing.numeric=constant", "prep.missing.numeric_value=-1")));
    assertEquals(7.0, fill(fitFixture("prep.columns={x: {impute: constant, value: 7}}")));
  }

  private static double fill(FeaturePipeline pipeline) {
    return step(pipeline, "x", NumericStep.class).fill();
  }

  @Test
  void theIndicatorIsAddedByDefaultAndCanBeTurnedOff() throws IOException {
    assertTrue(fitFixture().featureNames().contains("x:missing"));
    assertFalse(fitFixture("prep.missing.indicator=false").featureNames().contains("x:missing"));
    assertFalse(
        fitFixture("prep.columns={x: {indicator: false}}").featureNames().contains("x:missing"));
  }

  @Test
  void eachCategoricalStrategyPlacesAMissingLevel() throws IOException {
    CategoricalStep level = step(fitFixture(), "c", CategoricalStep.class);
    assertEquals(List.of("a", "b", FeaturePipeline.MISSING_LEVEL), level.levels());
    assertNull(level.fill());

    CategoricalStep frequent =
        step(fitFixture("prep.missing.categorical=most_frequent"), "c", CategoricalStep.class);
    assertEquals(List.of("a", "b"), frequent.levels());
    assertEquals("a", frequent.fill());

    FeaturePipeline constant = fitFixture("prep.columns={c: {impute: constant, value: none}}");
    assertEquals(List.of("a", "b", "none"), step(constant, "c", CategoricalStep.class).levels());
    RowEncoder encoder = constant.encoder(dir.resolve("f.csv"), List.of("x", "c", "y"));
    SparseRows row = new SparseRows(encoder.featureCount());
    encoder.encode(new String[] {"3", "", "n"}, row);
    double[] out = new double[encoder.featureCount()];
    row.dense(0, out);
    assertEquals(1.0, out[constant.featureNames().indexOf("c=none")]);
  }

  // --- numeric transforms ------------------------------------------------------------------------

  @Test
  void robustScalingCentresOnTheMedianAndDividesByTheInterquartileRange() {
    FeaturePipeline pipeline = fitBank(PipelineNeeds.SCALED, "prep.scale=robust");
    NumericStep age = step(pipeline, "age", NumericStep.class);
    double[] ages = bankValues("age");
    assertEquals(quantile(ages, 0.5), age.center());
    assertEquals(quantile(ages, 0.75) - quantile(ages, 0.25), age.scale(), 1e-12);
    assertEquals(
        (60 - age.center()) / age.scale(), feature(pipeline, bankRowWith("age", "60"), "age"));
  }

  @Test
  void robustScalingFallsBackToTheStandardDeviationWhereTheQuartilesAreEqual() {
    NumericStep previous =
        step(fitBank(PipelineNeeds.SCALED, "prep.scale=robust"), "previous", NumericStep.class);
    double[] values = bankValues("previous");
    assertEquals(0.0, quantile(values, 0.75) - quantile(values, 0.25), "mostly never contacted");
    double mean = Arrays.stream(values).average().orElseThrow();
    double sd =
        Math.sqrt(Arrays.stream(values).map(v -> (v - mean) * (v - mean)).average().orElseThrow());
    assertEquals(0.0, previous.center());
    assertEquals(sd, previous.scale(), 1e-12);
  }

  @Test
  void log1pTakesTheLogarithmOfOnePlusTheValue() {
    FeaturePipeline pipeline =
        fitBank(PipelineNeeds.SCALED, "prep.columns={campaign: {log1p: true, scale: none}}");
    assertEquals(Math.log1p(7), feature(pipeline, bankRowWith("campaign", "7"), "campaign"), 1e-15);
    assertEquals(
        0.0,
        feature(pipeline, bankRowWith("campaign", "-3"), "campaign"),
        "a later negative value is taken as 0");
  }

  @Test
  void log1pRefusesANegativeTrainingValueNamingTheColumn() {
    PrecisException e =
        assertThrows(
            PrecisException.class,
            () -> fitBank(PipelineNeeds.SCALED, "prep.columns={emp.var.rate: {log1p: true}}"));
    assertEquals(PrecisException.DATA, e.exitCode());
    assertTrue(e.getMessage().contains("column 'emp.var.rate' holds -"), e.getMessage());
    assertTrue(e.getMessage().contains("prep.columns.emp.var.rate.log1p"), e.getMessage());
  }

  @Test
  void clippingHoldsValuesWithinTheTrainingQuantiles() {
    FeaturePipeline pipeline =
        fitBank(PipelineNeeds.SCALED, "prep.numeric.clip=[0.01, 0.99]", "prep.scale=none");
    NumericStep age = step(pipeline, "age", NumericStep.class);
    double[] ages = bankValues("age");
    assertEquals(quantile(ages, 0.01), age.floor());
    assertEquals(quantile(ages, 0.99), age.ceiling());
    assertTrue(age.floor() > Arrays.stream(ages).min().orElseThrow());
    assertEquals(age.ceiling(), feature(pipeline, bankRowWith("age", "120"), "age"));
    assertEquals(age.floor(), feature(pipeline, bankRowWith("age", "3"), "age"));
    assertEquals(40.0, feature(pipeline, bankRowWith("age", "40"), "age"));
  }

  @Test
  void quantileBinsAreOneHotAtTheTrainingQuartiles() {
    FeaturePipeline pipeline = fitBank(PipelineNeeds.SCALED, "prep.columns={age: {bins: 4}}");
    BinnedStep age = step(pipeline, "age", BinnedStep.class);
    double[] ages = bankValues("age");
    assertEquals(
        List.of(quantile(ages, 0.25), quantile(ages, 0.5), quantile(ages, 0.75)), age.edges());
    assertEquals(List.of("age:bin1", "age:bin2", "age:bin3", "age:bin4"), age.featureNames());
    assertEquals(1.0, feature(pipeline, bankRowWith("age", "18"), "age:bin1"));
    assertEquals(0.0, feature(pipeline, bankRowWith("age", "18"), "age:bin2"));
    assertEquals(1.0, feature(pipeline, bankRowWith("age", "90"), "age:bin4"));
    String edge = String.valueOf(age.edges().get(1));
    assertEquals(1.0, feature(pipeline, bankRowWith("age", edge), "age:bin2"), "(e1, e2]");
  }

  @Test
  void treesGetNumbersAsTheyAreWhateverTheTransforms() {
    FeaturePipeline pipeline =
        fitBank(
            PipelineNeeds.RAW,
            "prep.scale=robust",
            "prep.numeric.clip=[0.01, 0.99]",
            "prep.columns={age: {bins: 4, scale: standard}, campaign: {log1p: true}}",
            "prep.missing.sentinels={pdays: [999]}");
    for (String name : List.of("age", "campaign", "euribor3m")) {
      NumericStep step = step(pipeline, name, NumericStep.class);
      assertEquals(0.0, step.center(), name);
      assertEquals(1.0, step.scale(), name);
      assertNull(step.floor(), name);
      assertFalse(step.log1p(), name);
    }
    assertTrue(pipeline.featureNames().contains("pdays:missing"), "a sentinel is no transform");
  }

  // --- pipeline.json -----------------------------------------------------------------------------

  @Test
  void defaultStepsWriteNoneOfTheNewKeys() throws JsonProcessingException {
    String json = Mappers.json().writeValueAsString(fitBank(PipelineNeeds.SCALED));
    for (String key : List.of("sentinels", "floor", "ceiling", "log1p", "\"fill\" : \"", "bins")) {
      assertFalse(json.contains(key), key);
    }
  }

  @Test
  void transformedStepsRoundTripThroughPipelineJson() throws JsonProcessingException {
    FeaturePipeline pipeline =
        fitBank(
            PipelineNeeds.SCALED,
            "prep.missing.sentinels={pdays: [999]}",
            "prep.numeric.clip=[0.05, 0.95]",
            "prep.missing.categorical=most_frequent",
            "prep.columns={age: {bins: 5}, campaign: {log1p: true, scale: robust}}");
    String json = Mappers.json().writeValueAsString(pipeline);
    FeaturePipeline read = Mappers.json().readValue(json, FeaturePipeline.class);
    assertEquals(pipeline, read);
    assertInstanceOf(BinnedStep.class, step(read, "age", BinnedStep.class));
    String[] row = bankRowWith("pdays", "999");
    for (String name : pipeline.featureNames()) {
      assertEquals(feature(pipeline, row, name), feature(read, row, name), name);
    }
  }

  // --- bad settings ------------------------------------------------------------------------------

  @Test
  void aBadValueNamesItsKey() {
    assertNamesKey("prep.numeric.clip", () -> config("prep.numeric.clip=[0.9, 0.1]"));
    assertNamesKey("prep.numeric.bins", () -> config("prep.numeric.bins=1"));
    assertNamesKey("prep.missing.numeric", () -> config("prep.missing.numeric=level"));
    assertNamesKey("prep.missing.categorical", () -> config("prep.missing.categorical=mean"));
    assertNamesKey(
        "prep.columns.age.value", () -> config("prep.columns={age: {impute: constant}}"));
    assertNamesKey("prep.columns.age.clip", () -> config("prep.columns={age: {clip: [0.5]}}"));
    assertNamesKey(
        "prep.missing.sentinels.pdays", () -> config("prep.missing.sentinels={pdays: []}"));
    assertNamesKey(
        "prep.missing.sentinels.pdays", () -> config("prep.missing.sentinels={pdays: }"));
  }

  @Test
  void aSettingForAColumnThatCannotTakeItNamesItsKey() {
    assertNamesKey(
        "prep.columns.job",
        () -> fitBank(PipelineNeeds.SCALED, "prep.columns={job: {scale: robust}}"));
    assertNamesKey(
        "prep.columns.job.impute",
        () -> fitBank(PipelineNeeds.SCALED, "prep.columns={job: {impute: median}}"));
    assertNamesKey(
        "prep.columns.agee",
        () -> fitBank(PipelineNeeds.SCALED, "prep.columns={agee: {log1p: true}}"));
    assertNamesKey(
        "prep.missing.sentinels.job",
        () -> fitBank(PipelineNeeds.SCALED, "prep.missing.sentinels={job: [1]}"));
    assertNamesKey(
        "prep.columns.age.value",
        () -> fitBank(PipelineNeeds.SCALED, "prep.columns={age: {impute: constant, value: old}}"));
  }

  /** A usage error whose one line names the key, as "key: problem". */
  private static void assertNamesKey(String key, Runnable action) {
    PrecisException e = assertThrows(PrecisException.class, action::run);
    assertEquals(PrecisException.USAGE, e.exitCode(), e.getMessage());
    assertTrue(e.getMessage().contains(key + ": "), e.getMessage());
  }
}
