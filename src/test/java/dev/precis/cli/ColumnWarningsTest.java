package dev.precis.cli;

import static dev.precis.cli.OneLineError.assertOneLineError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Specifies what precis says about columns that cannot help a model: a column with no value on any
 * row is left out, and a text column with a different value on nearly every row (an identifier) is
 * kept but named; both as warnings in the summary and in the report.
 */
class ColumnWarningsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String EMPTY =
      "is empty on every row (or holds only missing tokens); left out";

  @TempDir Path dir;

  @Test
  void blankColumnIsLeftOutWithAWarningInTheSummaryAndTheReport() throws IOException {
    Path data = write("blank.csv", BankData.withColumn(bank(), "notes", row -> ""));
    CliRun run = train(data);
    assertEquals(0, run.exitCode(), run.transcript());
    String warning = "column 'notes' " + EMPTY;
    assertTrue(run.err().contains("warning: " + warning), run.transcript());
    assertEquals(List.of(warning), warnings(trainReport()));
    assertFalse(inputColumns().contains("notes"));
  }

  @Test
  void columnOfOnlyMissingTokensIsLeftOutWithAWarning() throws IOException {
    Path data = write("na.csv", BankData.withColumn(bank(), "score", row -> "NA"));
    CliRun run = train(data, "--set", "prep.missing.tokens=[unknown, NA]");
    assertEquals(0, run.exitCode(), run.transcript());
    assertEquals(List.of("column 'score' " + EMPTY), warnings(trainReport()));
  }

  @Test
  void emptyColumnGivenATypeIsLeftOutToo() throws IOException {
    Path data = write("blank.csv", BankData.withColumn(bank(), "notes", row -> ""));
    CliRun run = train(data, "--set", "data.types.notes=numeric");
    assertEquals(0, run.exitCode(), run.transcript());
    assertEquals(List.of("column 'notes' " + EMPTY), warnings(trainReport()));
  }

  @Test
  void prepProfilesAnEmptyColumnAsEmptyAndReportsTheWarning() throws IOException {
    Path data = write("blank.csv", BankData.withColumn(bank(), "notes", row -> ""));
    Path out = dir.resolve("prepared");
    CliRun run =
        CliRun.precis("prep", "--data", data.toString(), "--target", "y", "--out", out.toString());
    assertEquals(0, run.exitCode(), run.transcript());
    assertTrue(run.err().contains("warning: column 'notes' " + EMPTY), run.transcript());
    JsonNode report = JSON.readTree(out.resolve("prep-report.json").toFile());
    assertEquals(List.of("column 'notes' " + EMPTY), warnings(report));
    for (JsonNode column : report.at("/profile/columns")) {
      if (column.get("name").asText().equals("notes")) {
        assertEquals("empty", column.get("role").asText());
      }
    }
  }

  @Test
  void fileWhoseOnlyFeatureIsEmptyIsADataErrorNamingIt() {
    List<String> lines = new ArrayList<>();
    bank().forEach(line -> lines.add(line.substring(line.lastIndexOf(';') + 1) + ";"));
    lines.set(0, lines.get(0) + "\"notes\"");
    assertOneLineError(train(write("only.csv", lines)), 3, "only.csv", "empty columns (notes)");
  }

  @Test
  void columnWithADifferentValueOnEveryRowIsAnIdentifierLeftOutWithAWarning() throws IOException {
    Path data =
        write(
            "ids.csv",
            BankData.withColumn(bank(), "customer", row -> "\"C" + (10_000 + row) + "\""));
    CliRun run = train(data);
    assertEquals(0, run.exitCode(), run.transcript());
    List<String> warnings = warnings(trainReport());
    assertEquals(1, warnings.size(), warnings.toString());
    String warning = warnings.get(0);
    assertTrue(warning.startsWith("column 'customer' has a different value on every row"));
    assertTrue(warning.contains("data.id: customer"), warning);
    assertTrue(warning.contains("data.types: {customer: categorical}"), warning);
    assertTrue(run.err().contains("warning: " + warning), run.transcript());
    assertFalse(inputColumns().contains("customer"));
  }

  @Test
  void nearlyUniqueColumnIsNamedInAWarningAndStaysAFeature() throws IOException {
    // one row in forty repeats the value of the row before: nearly, not wholly, one per row
    Path data =
        write(
            "ids.csv",
            BankData.withColumn(
                bank(),
                "customer",
                row -> "\"C" + (10_000 + row - (row % 40 == 1 ? 1 : 0)) + "\""));
    CliRun run = train(data);
    assertEquals(0, run.exitCode(), run.transcript());
    List<String> warnings = warnings(trainReport());
    assertEquals(1, warnings.size(), warnings.toString());
    assertTrue(
        warnings.get(0).startsWith("column 'customer' has a different value on nearly every row"));
    assertTrue(inputColumns().contains("customer"));
  }

  @Test
  void bankFileGivesNoWarnings() throws IOException {
    CliRun run = train(BankData.CSV);
    assertEquals(0, run.exitCode(), run.transcript());
    assertEquals(List.of(), warnings(trainReport()));
    assertFalse(run.err().contains("warning:"), run.transcript());
  }

  /** The first 1,500 rows of the bank file. */
  @Test
  void aColumnNamedLikeAnotherColumnsFeatureIsADataErrorSayingWhichAndWhatToDo() {
    // bank's "pdays" has no missing value; a copy with blanks gets an indicator, "pdays2:missing",
    // which the file also has as a column of its own
    List<String> lines =
        BankData.withColumn(bank(), "pdays2", row -> row % 7 == 0 ? "" : String.valueOf(row));
    lines = BankData.withColumn(lines, "pdays2:missing", row -> String.valueOf(row % 3));
    CliRun run = train(write("clash.csv", lines));
    assertOneLineError(run, 3, "clash.csv: ", "'pdays2:missing'", "rename one", "data.drop");
  }

  private static List<String> bank() {
    return new ArrayList<>(BankData.lines().subList(0, 1501));
  }

  private Path write(String name, List<String> lines) {
    return BankData.write(dir.resolve(name), lines);
  }

  private CliRun train(Path data, String... options) {
    return CliRun.train(
        data,
        dir.resolve("model.precis"),
        CliRun.concat(List.of("--set", "prep.missing.tokens=[unknown]"), options));
  }

  private JsonNode trainReport() throws IOException {
    return JSON.readTree(dir.resolve("model.train-report.json").toFile());
  }

  private static List<String> warnings(JsonNode report) {
    List<String> warnings = new ArrayList<>();
    report.get("warnings").forEach(w -> warnings.add(w.asText()));
    return warnings;
  }

  /** The raw columns the trained bundle's pipeline reads. */
  private List<String> inputColumns() throws IOException {
    try (ZipFile zip = new ZipFile(dir.resolve("model.precis").toFile())) {
      JsonNode pipeline = JSON.readTree(zip.getInputStream(zip.getEntry("pipeline.json")));
      List<String> names = new ArrayList<>();
      pipeline.get("steps").forEach(step -> names.add(step.get("name").asText()));
      return names;
    }
  }
}
