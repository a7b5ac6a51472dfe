package dev.precis.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.precis.config.Mappers;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Specifies pipeline.json: steps tagged by kind, a kind added from outside the pipeline's code, and
 * format 1 (what Precis 0.1.0 wrote) read into the same features.
 */
class PipelineStepsTest {
  private static final Path FORMAT_1 =
      Path.of("src/test/resources/fixtures/prep-0.1.0/pipeline.json");

  private static FeaturePipeline fixture;
  private static CsvTable bank;

  /** A step no Precis code knows: the length of a column's text, as "name:length". */
  record LengthStep(String name) implements ColumnStep {
    @Override
    public List<String> inputColumns() {
      return List.of(name);
    }

    @Override
    public List<String> featureNames() {
      return List.of(name + ":length");
    }

    @Override
    public StepEncoder encoder(int[] columns, int first, MissingValues missing) {
      return (fields, out) -> out.put(first, fields[columns[0]].length());
    }
  }

  @BeforeAll
  static void read() throws IOException {
    PipelineSteps.register("test-length", LengthStep.class);
    fixture = Mappers.json().readValue(FORMAT_1.toFile(), FeaturePipeline.class);
    var config = CsvTableTest.bankConfig("data.target=y");
    bank = CsvTable.read(CsvTableTest.BANK, config.data());
  }

  private static FeaturePipeline withLength(FeaturePipeline pipeline, String column) {
    List<ColumnStep> steps = new ArrayList<>(pipeline.steps());
    steps.add(new LengthStep(column));
    return new FeaturePipeline(
        pipeline.target(), pipeline.positive(), pipeline.id(), pipeline.missingTokens(), steps);
  }

  private static SparseRows encode(FeaturePipeline pipeline) {
    RowEncoder encoder = pipeline.encoder(bank.file(), bank.columns());
    SparseRows rows = new SparseRows(encoder.featureCount());
    for (int r = 0; r < bank.rowCount(); r++) {
      encoder.encode(bank.row(r), rows);
    }
    return rows;
  }

  @Test
  void stepAddedByATestRoundTripsThroughPipelineJson() throws IOException {
    FeaturePipeline pipeline = withLength(fixture, "job");
    String json = Mappers.json().writeValueAsString(pipeline);
    assertTrue(json.contains("\"step\" : \"test-length\""), json);
    FeaturePipeline back = Mappers.json().readValue(json, FeaturePipeline.class);
    assertEquals(pipeline, back);
    assertEquals(pipeline.featureNames(), back.featureNames());
    assertEquals("job:length", back.featureNames().get(back.featureNames().size() - 1));
  }

  @Test
  void stepAddedByATestIsAppliedByThePipelinesEncoder() throws IOException {
    FeaturePipeline back =
        Mappers.json()
            .readValue(
                Mappers.json().writeValueAsString(withLength(fixture, "job")),
                FeaturePipeline.class);
    SparseRows with = encode(back);
    SparseRows without = encode(fixture);
    int job = bank.columns().indexOf("job");
    int length = without.width();
    double[] a = new double[with.width()];
    double[] b = new double[without.width()];
    for (int r = 0; r < with.rows(); r++) {
      with.dense(r, a);
      without.dense(r, b);
      assertArrayEquals(b, java.util.Arrays.copyOf(a, length), "row " + r);
      assertEquals(bank.row(r)[job].length(), a[length], "row " + r);
    }
  }

  @Test
  void unknownStepIsNamedWhenRead() throws IOException {
    String json =
        Mappers.json()
            .writeValueAsString(withLength(fixture, "job"))
            .replace("\"test-length\"", "\"sentence-embedding\"");
    JsonProcessingException e =
        assertThrows(
            JsonProcessingException.class,
            () -> Mappers.json().readValue(json, FeaturePipeline.class));
    assertTrue(
        Mappers.problem(e)
            .startsWith(
                "unknown pipeline step 'sentence-embedding' (this Precis knows boolean,"
                    + " categorical, date, date_gap, hashed_categorical, numeric, numeric_bins,"
                    + " target_encoded, test-length, text, text_embedding, token_sequence); a newer"
                    + " Precis wrote it"),
        Mappers.problem(e));
  }

  @Test
  void pipelineJsonHasAFormatAndTaggedSteps() throws IOException {
    JsonNode json = Mappers.json().valueToTree(fixture);
    assertEquals(FeaturePipeline.FORMAT, json.get("format").asInt());
    assertEquals("numeric", json.get("steps").get(0).get("step").asText());
    assertEquals("age", json.get("steps").get(0).get("name").asText());
    assertEquals(fixture, Mappers.json().treeToValue(json, FeaturePipeline.class));
  }

  @Test
  void format1PipelineReadsAsStepsWithTheSameFeaturesInTheSameOrder() throws IOException {
    JsonNode old = Mappers.json().readTree(FORMAT_1.toFile());
    List<String> expected = new ArrayList<>();
    for (JsonNode numeric : old.get("numeric")) {
      expected.add(numeric.get("name").asText());
      if (numeric.get("indicator").asBoolean()) {
        expected.add(numeric.get("name").asText() + ":missing");
      }
    }
    for (JsonNode categorical : old.get("categorical")) {
      for (JsonNode level : categorical.get("levels")) {
        expected.add(categorical.get("name").asText() + "=" + level.asText());
      }
    }
    assertEquals(expected, fixture.featureNames());
    JsonNode age = old.get("numeric").get(0);
    NumericStep step = assertInstanceOf(NumericStep.class, fixture.steps().get(0));
    assertEquals(age.get("fill").asDouble(), step.fill());
    assertEquals(age.get("center").asDouble(), step.center());
    assertEquals(age.get("scale").asDouble(), step.scale());
    assertEquals(old.get("missing_tokens").get(0).asText(), fixture.missingTokens().get(0));
  }

  @Test
  void pipelineOfANewerFormatIsRefused() throws IOException {
    String json =
        Mappers.json().writeValueAsString(fixture).replace("\"format\" : 2", "\"format\" : 3");
    JsonProcessingException e =
        assertThrows(
            JsonProcessingException.class,
            () -> Mappers.json().readValue(json, FeaturePipeline.class));
    assertTrue(
        Mappers.problem(e).startsWith("pipeline format 3 is newer than this Precis reads (2)"),
        Mappers.problem(e));
  }
}
