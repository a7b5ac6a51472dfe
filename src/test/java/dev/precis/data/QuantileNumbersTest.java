package dev.precis.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.precis.config.Mappers;
import dev.precis.config.PrecisConfig;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Specifies prep.scale quantile, what the mlp asks for: each number becomes the normal score of its
 * rank among the training values, on the bank sample (age with its ties, previous mostly 0).
 */
class QuantileNumbersTest {
  private static final PipelineNeeds QUANTILE =
      new PipelineNeeds(PipelineNeeds.Numbers.QUANTILE, false);
  private static final PrecisConfig BANK =
      CsvTableTest.bankConfig(
          "data.target=y", "data.drop=[duration]", "prep.missing.tokens=[unknown]");

  private static CsvTable table;
  private static int[] trainRows;
  private static FeaturePipeline quantile;

  @BeforeAll
  static void fit() {
    Preparation.Source source = Preparation.Source.read(BANK, QUANTILE);
    table = source.table();
    trainRows = Preparation.rowsOf(source.target(), source.splits().train());
    quantile = source.fit(source.splits().train());
  }

  private static double[][] encode(FeaturePipeline pipeline, List<String[]> rows) {
    RowEncoder encoder = pipeline.encoder(table.file(), table.columns());
    SparseRows x = new SparseRows(encoder.featureCount());
    rows.forEach(row -> encoder.encode(row, x));
    double[][] dense = new double[rows.size()][encoder.featureCount()];
    for (int r = 0; r < rows.size(); r++) {
      x.dense(r, dense[r]);
    }
    return dense;
  }

  /** The feature of a column in each row, with that column set to each of {@code values}. */
  private static double[] features(String column, List<String> values) {
    int c = table.columns().indexOf(column);
    List<String[]> rows =
        values.stream()
            .map(
                v -> {
                  String[] row = table.row(trainRows[0]).clone();
                  row[c] = v;
                  return row;
                })
            .toList();
    int f = quantile.featureNames().indexOf(column);
    return Arrays.stream(encode(quantile, rows)).mapToDouble(row -> row[f]).toArray();
  }

  /** The column's feature in every training row. */
  private static double[] trainingFeatures(String column) {
    int c = table.columns().indexOf(column);
    return features(column, Arrays.stream(trainRows).mapToObj(r -> table.row(r)[c]).toList());
  }

  @Test
  void inverseNormalGivesTheStandardNormalQuantiles() {
    assertEquals(0.0, NormalScores.inverseNormal(0.5), 1e-15);
    assertEquals(1.959963984540054, NormalScores.inverseNormal(0.975), 1e-12);
    assertEquals(-1.2815515655446004, NormalScores.inverseNormal(0.1), 1e-12);
    assertEquals(-5.199337582187471, NormalScores.inverseNormal(1e-7), 1e-9);
  }

  @Test
  void featureRisesWithTheValueAndIsFlatBeyondTheTrainingRange() {
    List<String> ages =
        IntStream.rangeClosed(0, 240).mapToObj(i -> String.valueOf(i * 0.5)).toList();
    double[] x = features("age", ages);
    for (int i = 1; i < x.length; i++) {
      assertTrue(x[i] >= x[i - 1], "age " + ages.get(i) + " scored below " + ages.get(i - 1));
    }
    assertTrue(x[80] < x[90] && x[90] < x[100], "ages 40, 45, 50: " + x[80] + x[90] + x[100]);
    double[] outside = features("age", List.of("-5", "1000"));
    assertEquals(x[0], outside[0], "below the training minimum as at it");
    assertEquals(x[x.length - 1], outside[1], "above the training maximum as at it");
    assertTrue(outside[0] >= -5.2 && outside[1] <= 5.2, Arrays.toString(outside));
  }

  @Test
  void trainingValuesSpreadAsAStandardNormal() {
    double[] z = trainingFeatures("euribor3m");
    // Where the share p of training rows lies is where the normal quantile of p lies: between the
    // rows scored below it and those scored at or below it (ties share one score).
    for (double p : new double[] {0.1, 0.25, 0.5, 0.75, 0.9}) {
      double at = NormalScores.inverseNormal(p);
      double below = Arrays.stream(z).filter(v -> v < at - 0.05).count() / (double) z.length;
      double upTo = Arrays.stream(z).filter(v -> v <= at + 0.05).count() / (double) z.length;
      assertTrue(below <= p && p <= upTo, "p " + p + ": " + below + " .. " + upTo);
    }
    double mean = Arrays.stream(z).average().orElseThrow();
    assertEquals(0.0, mean, 0.1, "mean of the scores");
  }

  @Test
  void aSpikeOfOneValueTakesItsMidRankNotTheBound() {
    int c = table.columns().indexOf("previous");
    double zeros =
        Arrays.stream(trainRows).filter(r -> table.row(r)[c].equals("0")).count()
            / (double) trainRows.length;
    assertTrue(zeros > 0.7, "previous is mostly 0 in the bank sample: " + zeros);
    double[] z = features("previous", List.of("0", "1"));
    assertEquals(NormalScores.inverseNormal(zeros / 2), z[0], 0.01);
    assertTrue(z[1] > 0.5, "a first previous contact lies above the zeros: " + z[1]);
  }

  @Test
  void pipelineJsonHoldsTheQuantilesAndEncodesAlikeAfterTheRoundTrip() throws IOException {
    String json = Mappers.json().writeValueAsString(quantile);
    FeaturePipeline back = Mappers.json().readValue(json, FeaturePipeline.class);
    assertEquals(quantile, back);
    List<String[]> rows = IntStream.range(0, table.rowCount()).mapToObj(table::row).toList();
    assertArrayEquals(encode(quantile, rows), encode(back, rows));
    JsonNode age = step(Mappers.json().readTree(json), "age");
    int distinct = (int) Arrays.stream(trainingFeatures("age")).distinct().count();
    assertTrue(age.path("quantiles").size() == 1000, age.toString());
    assertTrue(distinct > 40, "distinct ages scored: " + distinct);
  }

  @Test
  void otherScalesWriteNoQuantiles() throws IOException {
    Preparation.Source source = Preparation.Source.read(BANK, PipelineNeeds.SCALED);
    JsonNode json = Mappers.json().valueToTree(source.fit(source.splits().train()));
    assertFalse(step(json, "age").has("quantiles"), step(json, "age").toString());
  }

  private static JsonNode step(JsonNode pipeline, String name) {
    for (JsonNode s : pipeline.path("steps")) {
      if (s.path("name").asText().equals(name)) {
        return s;
      }
    }
    throw new AssertionError("no step " + name + " in " + pipeline);
  }
}
