package dev.precis.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.precis.config.Mappers;
import dev.precis.config.PrecisConfig;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Specifies the pipeline a family that needs non-negative numbers gets (naive Bayes): each number
 * min-max scaled into [0, 1] by its training range, later values beyond that range clipped, and
 * pipeline.json that round-trips, while pipelines without clipping are written as before.
 */
class NonNegativeNumbersTest {
  private static final PipelineNeeds NON_NEGATIVE =
      new PipelineNeeds(PipelineNeeds.Numbers.NON_NEGATIVE, false);
  private static final PrecisConfig BANK =
      CsvTableTest.bankConfig("data.target=y", "prep.missing.tokens=[unknown]");

  private static CsvTable table;
  private static FeaturePipeline nonNegative;
  private static FeaturePipeline raw;

  @BeforeAll
  static void fit() {
    Preparation.Source source = Preparation.Source.read(BANK, NON_NEGATIVE);
    table = source.table();
    nonNegative = source.fit(source.splits().train());
    Preparation.Source rawSource = Preparation.Source.read(BANK, PipelineNeeds.RAW);
    raw = rawSource.fit(rawSource.splits().train());
  }

  private static SparseRows encode(FeaturePipeline pipeline, List<String[]> rows) {
    RowEncoder encoder = pipeline.encoder(table.file(), table.columns());
    SparseRows x = new SparseRows(encoder.featureCount());
    rows.forEach(row -> encoder.encode(row, x));
    return x;
  }

  private static List<String[]> allRows() {
    return java.util.stream.IntStream.range(0, table.rowCount()).mapToObj(table::row).toList();
  }

  private static double ageFeature(String age) {
    String[] row = table.row(0).clone();
    row[table.columns().indexOf("age")] = age;
    double[] values = new double[nonNegative.featureNames().size()];
    encode(nonNegative, List.<String[]>of(row)).dense(0, values);
    return values[nonNegative.featureNames().indexOf("age")];
  }

  @Test
  void everyFeatureOfEveryRowLiesInZeroToOneWhereRawNumbersGoNegative() {
    SparseRows rawRows = encode(raw, allRows());
    boolean negative = false;
    for (int k = 0; k < rawRows.end(rawRows.rows() - 1); k++) {
      negative |= rawRows.value(k) < 0;
    }
    assertTrue(negative, "the bank sample has negative numbers (emp.var.rate, cons.conf.idx)");
    SparseRows x = encode(nonNegative, allRows());
    for (int k = 0; k < x.end(x.rows() - 1); k++) {
      assertTrue(x.value(k) >= 0 && x.value(k) <= 1, "value " + x.value(k));
    }
  }

  @Test
  void numbersBeyondTheTrainingRangeAreClipped() {
    assertEquals(1.0, ageFeature("1000"));
    assertEquals(0.0, ageFeature("-5"));
    double middle = ageFeature("50");
    assertTrue(middle > 0 && middle < 1, "age 50 gave " + middle);
  }

  @Test
  void numericStepsAreMinMaxScaledByTheTrainingRange() {
    NumericStep age =
        nonNegative.steps().stream()
            .filter(s -> s instanceof NumericStep n && n.name().equals("age"))
            .map(NumericStep.class::cast)
            .findFirst()
            .orElseThrow();
    assertTrue(age.clip());
    assertTrue(age.center() >= 17 && age.center() <= 20, "minimum age " + age.center());
    assertTrue(age.scale() > 60, "age range " + age.scale());
  }

  @Test
  void clippedPipelineRoundTripsThroughPipelineJson() throws IOException {
    String json = Mappers.json().writeValueAsString(nonNegative);
    assertTrue(json.contains("\"clip\" : true"), json);
    FeaturePipeline back = Mappers.json().readValue(json, FeaturePipeline.class);
    assertEquals(nonNegative, back);
  }

  @Test
  void unclippedPipelineIsWrittenWithoutClipAndReadsBackUnclipped() throws IOException {
    JsonNode json = Mappers.json().valueToTree(raw);
    for (JsonNode step : json.get("steps")) {
      assertFalse(step.has("clip"), step.toString());
    }
    FeaturePipeline back = Mappers.json().treeToValue(json, FeaturePipeline.class);
    assertEquals(raw, back);
  }
}
