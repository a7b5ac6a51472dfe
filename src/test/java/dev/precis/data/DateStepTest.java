package dev.precis.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precis.PrecisException;
import dev.precis.config.ConfigLoader;
import dev.precis.config.ConfigOverride;
import dev.precis.config.DatesConfig.Format;
import dev.precis.config.Mappers;
import dev.precis.config.PrecisConfig;
import dev.precis.model.ModelCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Specifies the date steps on a small made-up file: ISO, day-first, datetimes, gaps, missing. */
class DateStepTest {
  private static final String TYPES = "data.types={signup: date, last_order: date, seen_at: date}";

  @TempDir Path dir;

  /** Row 1 is line 2 of the file. */
  private Path file(String... rows) throws IOException {
    return Files.writeString(
        dir.resolve("dates.csv"),
        "id,signup,last_order,seen_at,y\n" + String.join("\n", rows) + "\n");
  }

  private Path fixture() throws IOException {
    return file(
        "1,2023-01-15,31/01/2024,2024-02-01T09:30:00,yes",
        "2,2023-06-01,05/02/2024,2024-02-03 17:05,no",
        "3,2022-12-31,,2024-01-20T00:00:00Z,yes",
        "4,2023-03-10,20/12/2023,,no",
        "5,,01/03/2024,2024-02-29T23:59:59,no",
        "6,2023-02-28,15/01/2024,2024-01-01T08:00:00,yes");
  }

  private static PrecisConfig config(Path data, String... sets) {
    List<ConfigOverride> overrides = new ArrayList<>();
    overrides.add(ConfigOverride.parseSet("data.path=" + data));
    overrides.add(ConfigOverride.parseSet("data.target=y"));
    overrides.add(ConfigOverride.parseSet("data.id=id"));
    overrides.add(ConfigOverride.parseSet(TYPES));
    overrides.add(ConfigOverride.parseSet("prep.split.valid=0"));
    overrides.add(ConfigOverride.parseSet("prep.split.test=0"));
    Arrays.stream(sets).map(ConfigOverride::parseSet).forEach(overrides::add);
    return new ConfigLoader(ModelCatalog::complete).load(null, overrides);
  }

  /** Fitted on every row, numbers as they are. */
  private static FeaturePipeline fit(PrecisConfig config) {
    Preparation.Source source = Preparation.Source.read(config, PipelineNeeds.RAW);
    return source.fit(source.splits().train());
  }

  private static double[] encode(FeaturePipeline pipeline, Path file, int row) {
    CsvTable table = CsvTable.read(file, config(file).data());
    RowEncoder encoder = pipeline.encoder(file, table.columns());
    SparseRows out = new SparseRows(encoder.featureCount());
    encoder.encode(table.row(row), out);
    double[] dense = new double[encoder.featureCount()];
    out.dense(0, dense);
    return dense;
  }

  private static double feature(FeaturePipeline pipeline, double[] row, String name) {
    int index = pipeline.featureNames().indexOf(name);
    assertTrue(index >= 0, name + " in " + pipeline.featureNames());
    return row[index];
  }

  private static DateStep date(FeaturePipeline pipeline, String column) {
    return pipeline.steps().stream()
        .filter(DateStep.class::isInstance)
        .map(DateStep.class::cast)
        .filter(step -> step.name().equals(column))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void isoDayFirstAndDatetimeColumnsGiveCalendarParts() throws IOException {
    Path file = fixture();
    FeaturePipeline pipeline = fit(config(file));
    assertEquals(Format.ISO, date(pipeline, "signup").format());
    assertEquals(Format.DAY_FIRST, date(pipeline, "last_order").format(), "31/01 settles it");
    assertTrue(date(pipeline, "seen_at").hours());
    assertEquals(
        List.of(
            "signup:year",
            "signup:month",
            "signup:day_of_week",
            "signup:day_of_month",
            "signup:days_before_reference",
            "signup:missing"),
        date(pipeline, "signup").featureNames());
    assertEquals("2023-06-01", date(pipeline, "signup").reference(), "the latest training date");

    double[] first = encode(pipeline, file, 0);
    assertEquals(2023, feature(pipeline, first, "signup:year"));
    assertEquals(1, feature(pipeline, first, "signup:month"));
    assertEquals(7, feature(pipeline, first, "signup:day_of_week"), "15 January 2023, a Sunday");
    assertEquals(15, feature(pipeline, first, "signup:day_of_month"));
    assertEquals(137, feature(pipeline, first, "signup:days_before_reference"));
    assertEquals(0, feature(pipeline, first, "signup:missing"));
    assertEquals(31, feature(pipeline, first, "last_order:day_of_month"));
    assertEquals(1, feature(pipeline, first, "last_order:month"));
    assertEquals(9, feature(pipeline, first, "seen_at:hour"));
    assertEquals(17, feature(pipeline, encode(pipeline, file, 1), "seen_at:hour"));
  }

  @Test
  void missingDateIsFilledWithTheMeanAndMarked() throws IOException {
    Path file = fixture();
    FeaturePipeline pipeline = fit(config(file));
    double[] row = encode(pipeline, file, 4);
    assertEquals(1, feature(pipeline, row, "signup:missing"));
    Scaling year = date(pipeline, "signup").scaling().get(0);
    assertEquals((2023 * 4 + 2022) / 5.0, year.fill(), 1e-9);
    assertEquals(year.fill(), feature(pipeline, row, "signup:year"), 1e-9);
  }

  @Test
  void daysBetweenTwoColumnsAndAConfiguredReference() throws IOException {
    Path file = fixture();
    FeaturePipeline pipeline =
        fit(
            config(
                file,
                "prep.dates.between=[[signup, last_order]]",
                "prep.dates.reference=2024-03-01"));
    double[] first = encode(pipeline, file, 0);
    assertEquals(381, feature(pipeline, first, "signup..last_order:days"));
    assertEquals(0, feature(pipeline, first, "signup..last_order:missing"));
    assertEquals(
        30, feature(pipeline, first, "last_order:days_before_reference"), "31 Jan to 1 Mar 2024");
    assertEquals(1, feature(pipeline, encode(pipeline, file, 2), "signup..last_order:missing"));
  }

  @Test
  void pipelineJsonReadsBackToTheSameFeatures() throws IOException {
    Path file = fixture();
    FeaturePipeline pipeline =
        fit(config(file, "prep.dates.between=[[signup, last_order]]", "prep.scale=standard"));
    FeaturePipeline read =
        Mappers.json()
            .readValue(Mappers.json().writeValueAsString(pipeline), FeaturePipeline.class);
    assertEquals(pipeline, read);
    for (int r = 0; r < 6; r++) {
      assertEquals(
          Arrays.toString(encode(pipeline, file, r)), Arrays.toString(encode(read, file, r)));
    }
  }

  @Test
  void ambiguousDatesAreRefusedWithTheLineAndTheKey() throws IOException {
    Path file =
        file(
            "1,2023-01-15,03/04/2024,2024-02-01,yes",
            "2,2023-06-01,05/02/2024,2024-02-03,no",
            "3,2022-12-31,01/12/2024,2024-01-20,yes");
    PrecisException e = assertThrows(PrecisException.class, () -> fit(config(file)));
    assertEquals(3, e.exitCode());
    assertTrue(e.getMessage().contains("dates.csv"), e.getMessage());
    assertTrue(e.getMessage().contains("dates.csv:2:"), e.getMessage());
    assertTrue(e.getMessage().contains("'03/04/2024'"), e.getMessage());
    assertTrue(e.getMessage().contains("prep.dates.columns.last_order"), e.getMessage());

    FeaturePipeline monthFirst = fit(config(file, "prep.dates.columns={last_order: month_first}"));
    assertEquals(3, feature(monthFirst, encode(monthFirst, file, 0), "last_order:month"));
  }

  @Test
  void mixedOrdersAndNonDatesAreRefused() throws IOException {
    Path mixed =
        file("1,2023-01-15,31/01/2024,2024-02-01,yes", "2,2023-06-01,01/31/2024,2024-02-03,no");
    PrecisException e = assertThrows(PrecisException.class, () -> fit(config(mixed)));
    assertTrue(e.getMessage().contains("dates.csv:3:"), e.getMessage());
    assertTrue(e.getMessage().contains("month first"), e.getMessage());

    Path bad = file("1,2023-01-15,31/01/2024,soon,yes", "2,2023-06-01,01/02/2024,2024-02-03,no");
    e = assertThrows(PrecisException.class, () -> fit(config(bad)));
    assertTrue(e.getMessage().contains("dates.csv:2:"), e.getMessage());
    assertTrue(e.getMessage().contains("'soon'"), e.getMessage());
  }

  @Test
  void badBetweenPairIsAConfigError() throws IOException {
    Path file = fixture();
    PrecisException e =
        assertThrows(
            PrecisException.class, () -> config(file, "prep.dates.between=[[signup, signup]]"));
    assertEquals(2, e.exitCode());
    assertTrue(e.getMessage().contains("prep.dates.between[0]"), e.getMessage());
    e = assertThrows(PrecisException.class, () -> config(file, "prep.dates.reference=soon"));
    assertTrue(e.getMessage().contains("prep.dates.reference"), e.getMessage());
  }
}
