package dev.precis.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precis.config.ColumnType;
import dev.precis.config.DataConfig;
import dev.precis.config.DatesConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Specifies type inference on small made-up files: booleans in their spellings, dates day-first,
 * month-first, ISO and ambiguous, identifiers by uniqueness and name, overrides in data.types, and
 * the reason given for each type.
 */
class TypeInferenceTest {
  private static final int ROWS = 40;

  @TempDir Path dir;

  @Test
  void yesNoPairsInAnySpellingAreBoolean() throws IOException {
    for (List<String> pair :
        List.of(
            List.of("yes", "no"),
            List.of("Y", "N"),
            List.of("TRUE", "FALSE"),
            List.of("t", "f"),
            List.of("1", "0"))) {
      Schema schema = infer(column("flag", r -> pair.get(r % 3 == 0 ? 0 : 1)), Map.of());
      assertEquals(ColumnType.BOOLEAN, type(schema, "flag"), pair.toString());
      assertTrue(schema.reasons().get("flag").startsWith("its values are "), pair.toString());
    }
  }

  @Test
  void yesNoWithBlanksStaysCategoricalForItsThreeStates() throws IOException {
    Schema schema =
        infer(column("flag", r -> r % 5 == 0 ? "" : r % 2 == 0 ? "yes" : "no"), Map.of());
    assertEquals(ColumnType.CATEGORICAL, type(schema, "flag"));
  }

  @Test
  void mixedSpellingsAreNotBoolean() throws IOException {
    Schema schema = infer(column("flag", r -> r % 2 == 0 ? "yes" : "0"), Map.of());
    assertEquals(ColumnType.CATEGORICAL, type(schema, "flag"));
  }

  @Test
  void threeWholeNumbersAreNumericNotBoolean() throws IOException {
    Schema schema = infer(column("visits", r -> String.valueOf(r % 3)), Map.of());
    assertEquals(ColumnType.NUMERIC, type(schema, "visits"));
    assertEquals("every value is a number", schema.reasons().get("visits"));
  }

  @Test
  void dayFirstDatesAreDatesWithoutAWarning() throws IOException {
    Schema schema = infer(column("joined", r -> (r % 28 + 13) % 28 + 1 + "/03/2024"), Map.of());
    assertEquals(ColumnType.DATE, type(schema, "joined"));
    assertEquals("every value is a date, day-first", schema.reasons().get("joined"));
    assertTrue(schema.warnings().isEmpty(), schema.warnings().toString());
  }

  @Test
  void monthFirstDatesAreReadMonthFirst() throws IOException {
    Schema schema = infer(column("joined", r -> "12/" + (r % 28 + 1) + "/2024"), Map.of());
    assertEquals(ColumnType.DATE, type(schema, "joined"));
    assertEquals("every value is a date, month-first", schema.reasons().get("joined"));
  }

  @Test
  void isoDatesAndDateTimesAreDates() throws IOException {
    Schema schema =
        infer(
            column("seen", r -> "2024-05-" + String.format("%02d", r % 28 + 1) + " 10:3" + r % 10),
            Map.of());
    assertEquals(ColumnType.DATE, type(schema, "seen"));
    assertEquals("every value is a date, iso", schema.reasons().get("seen"));
  }

  @Test
  void ambiguousDatesAreDatesWithAWarningNamingTheKeyUntilPrepDatesSaysWhich() throws IOException {
    Path file = column("sent", r -> "0" + (r % 9 + 1) + ".0" + (r % 7 + 1) + ".2024");
    Schema schema = infer(file, Map.of());
    assertEquals(ColumnType.DATE, type(schema, "sent"));
    assertEquals(1, schema.warnings().size(), schema.warnings().toString());
    String warning = schema.warnings().get(0);
    assertTrue(warning.startsWith("column 'sent' holds dates that read both"), warning);
    assertTrue(warning.contains("prep.dates.columns.sent: day_first or month_first"), warning);

    Schema monthFirst =
        infer(
            file,
            Map.of(),
            new DatesConfig(
                DatesConfig.Format.AUTO,
                Map.of("sent", DatesConfig.Format.MONTH_FIRST),
                null,
                null));
    assertTrue(monthFirst.reasons().get("sent").contains("month-first"));
    assertTrue(monthFirst.warnings().isEmpty(), monthFirst.warnings().toString());
  }

  @Test
  void impossibleDatesAreNotDates() throws IOException {
    Schema schema =
        infer(column("code", r -> (r % 5 + 1) + "/" + (r % 4 + 30) + "/2024"), Map.of());
    assertEquals(ColumnType.CATEGORICAL, type(schema, "code"));
  }

  @Test
  void wordsDifferentOnEveryRowAreAnIdentifierLeftOut() throws IOException {
    Schema schema = infer(column("account", r -> "AC-" + (7000 + r)), Map.of());
    assertEquals(List.of("account"), schema.identifiers());
    assertFalse(schema.features().stream().anyMatch(spec -> spec.name().equals("account")));
    assertEquals("a different value on every row", schema.reasons().get("account"));
    assertTrue(schema.warnings().get(0).contains("data.types: {account: categorical}"));
  }

  @Test
  void wholeNumbersDifferentOnEveryRowAreAnIdentifierOnlyWithAnIdName() throws IOException {
    for (String name : List.of("customer_id", "CustomerID", "client-id", "id", "uuid")) {
      Schema schema = infer(column(name, r -> String.valueOf(90_000 + r * 7)), Map.of());
      assertEquals(List.of(name), schema.identifiers(), name);
    }
    for (String name : List.of("paid", "visits", "idle")) {
      Schema schema = infer(column(name, r -> String.valueOf(90_000 + r * 7)), Map.of());
      assertEquals(ColumnType.NUMERIC, type(schema, name), name);
    }
  }

  @Test
  void dataTypesOverridesInferenceWithTheNewTypes() throws IOException {
    Path file = column("flag", r -> r % 2 == 0 ? "yes" : "no");
    assertEquals(
        ColumnType.CATEGORICAL, type(infer(file, Map.of("flag", ColumnType.CATEGORICAL)), "flag"));
    Schema asId = infer(file, Map.of("flag", ColumnType.IDENTIFIER));
    assertEquals(List.of("flag"), asId.identifiers());
    assertEquals("set in data.types", asId.reasons().get("flag"));
    Path counts = column("visits", r -> String.valueOf(r % 2));
    assertEquals(
        ColumnType.NUMERIC, type(infer(counts, Map.of("visits", ColumnType.NUMERIC)), "visits"));
  }

  /** A file of a target, a plain numeric feature and the column under test. */
  private Path column(String name, IntFunction<String> value) throws IOException {
    StringBuilder text = new StringBuilder("y,age,").append(name).append('\n');
    for (int r = 0; r < ROWS; r++) {
      text.append(r % 4 == 0 ? "yes" : "no")
          .append(',')
          .append(20 + r % 30)
          .append(',')
          .append(value.apply(r))
          .append('\n');
    }
    Path file = dir.resolve(name.replaceAll("[^A-Za-z]", "") + ".csv");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  private static Schema infer(Path file, Map<String, ColumnType> types) {
    return infer(file, types, DatesConfig.DEFAULTS);
  }

  private static Schema infer(Path file, Map<String, ColumnType> types, DatesConfig dates) {
    DataConfig data =
        new DataConfig(file.toString(), ",", true, null, "y", null, null, null, types, null);
    return SchemaInference.infer(
        CsvTable.read(file, data), data, new MissingValues(List.of()), dates);
  }

  private static ColumnType type(Schema schema, String column) {
    return schema.features().stream()
        .filter(spec -> spec.name().equals(column))
        .map(ColumnSpec::type)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no feature " + column));
  }
}
