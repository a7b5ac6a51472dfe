package dev.precis.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precis.config.ColumnType;
import dev.precis.config.ConfigLoader;
import dev.precis.config.ConfigOverride;
import dev.precis.config.Mappers;
import dev.precis.config.PrecisConfig;
import dev.precis.model.ModelCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Specifies the pipeline for a family that handles missing numbers itself: a missing number is left
 * out of the row, its indicator set, and the pipeline says so in pipeline.json.
 */
class MissingAsAbsentTest {
  private static final PipelineNeeds NATIVE_MISSING =
      new PipelineNeeds(PipelineNeeds.Numbers.RAW, true);

  @TempDir Path dir;
  private Path file;
  private CsvTable table;
  private PrecisConfig config;

  @BeforeEach
  void smallTableWithMissingNumbers() throws IOException {
    file = dir.resolve("n.csv");
    Files.writeString(file, "x,y\n1,a\nNA,b\n3,a\n,b\n10,a\n0,b\n");
    config =
        new ConfigLoader(ModelCatalog::complete)
            .load(
                null,
                List.of(
                    ConfigOverride.parseSet("data.path=" + file),
                    ConfigOverride.parseSet("data.target=y"),
                    ConfigOverride.parseSet("prep.missing.tokens=[NA]")));
    table = CsvTable.read(file, config.data());
  }

  private FeaturePipeline fit(PipelineNeeds needs) {
    return PipelineFitter.fit(
        table,
        List.of(new ColumnSpec("x", ColumnType.NUMERIC)),
        new int[] {0, 1, 2, 3, 4, 5},
        config.prep(),
        needs,
        "y",
        "b",
        null,
        42,
        PersonalData.NONE);
  }

  private static SparseRows encode(FeaturePipeline pipeline, Path file, CsvTable table, int row) {
    RowEncoder encoder = pipeline.encoder(file, table.columns());
    SparseRows out = new SparseRows(encoder.featureCount());
    encoder.encode(table.row(row), out);
    return out;
  }

  @Test
  void missingNumberIsLeftOutOfTheRowWithItsIndicatorSet() {
    FeaturePipeline pipeline = fit(NATIVE_MISSING);
    assertEquals(List.of("x", "x:missing"), pipeline.featureNames());
    for (int row : new int[] {1, 3}) {
      SparseRows encoded = encode(pipeline, file, table, row);
      assertEquals(1, encoded.end(0) - encoded.start(0), "only the indicator is in the row");
      assertEquals(1, encoded.feature(encoded.start(0)));
      assertEquals(1.0, encoded.value(encoded.start(0)));
    }
  }

  @Test
  void presentNumberIsKeptAsItIs() {
    FeaturePipeline pipeline = fit(NATIVE_MISSING);
    double[] dense = new double[2];
    encode(pipeline, file, table, 4).dense(0, dense);
    assertArrayEquals(new double[] {10.0, 0.0}, dense, "raw and unflagged");
  }

  @Test
  void otherFamiliesStillGetMissingNumbersFilledIn() {
    FeaturePipeline pipeline = fit(PipelineNeeds.SCALED);
    SparseRows encoded = encode(pipeline, file, table, 1);
    assertEquals(2, encoded.end(0) - encoded.start(0), "the filled-in value and the indicator");
    assertFalse(
        new String(PreparedManifest.pipelineJson(pipeline), StandardCharsets.UTF_8)
            .contains("missing_as_absent"),
        "pipeline.json of a filling family is as before");
  }

  @Test
  void pipelineRoundTripsThroughJsonKeepingMissingAsAbsent() throws IOException {
    FeaturePipeline pipeline = fit(NATIVE_MISSING);
    String json = Mappers.json().writeValueAsString(pipeline);
    assertTrue(json.contains("\"missing_as_absent\" : true"), json);
    FeaturePipeline back = Mappers.json().readValue(json, FeaturePipeline.class);
    assertEquals(pipeline, back);
    SparseRows encoded = encode(back, file, table, 1);
    assertEquals(1, encoded.end(0) - encoded.start(0));
  }

  @Test
  void digestTellsTheTwoPipelinesApart() {
    FeaturePipeline filling = fit(new PipelineNeeds(PipelineNeeds.Numbers.RAW, false));
    FeaturePipeline absent = fit(NATIVE_MISSING);
    assertNotEquals(PreparedManifest.digest(filling), PreparedManifest.digest(absent));
    assertFalse(
        PreparedManifest.digests(filling).stream()
            .anyMatch(PreparedManifest.digests(absent)::contains),
        "not even through the format 1 digest");
  }
}
