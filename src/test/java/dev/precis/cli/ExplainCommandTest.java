package dev.precis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.precis.config.Mappers;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Specifies {@code predict --explain K} on the bank sample: K reason columns on every row in any
 * selection mode, named by column and value, never the value of a personal column (the families
 * explained by occlusion: {@link ExplainFamiliesTest}).
 */
class ExplainCommandTest {
  @TempDir static Path dir;
  private static Path model;

  @BeforeAll
  static void train() {
    model = dir.resolve("masked.precis");
    CliRun run =
        CliRun.train(
            BankData.CSV,
            model,
            "--quiet",
            "--set",
            "data.drop=[duration]",
            "--set",
            "data.pii={job: {mask: {first: 3}}}",
            "--set",
            "model.params.epochs=2");
    assertEquals(0, run.exitCode(), run.err());
  }

  private static List<CSVRecord> predict(String out, String... options) throws IOException {
    CliRun run = CliRun.predict(model, BankData.CSV, dir.resolve(out), options);
    assertEquals(0, run.exitCode(), run.err());
    try (Reader reader = Files.newBufferedReader(dir.resolve(out))) {
      return CSVFormat.DEFAULT.parse(reader).getRecords();
    }
  }

  @Test
  void writesKReasonColumnsNamedByColumnAndValue() throws IOException {
    List<CSVRecord> rows =
        predict(
            "two.csv",
            "--explain",
            "2",
            "--threshold",
            "0.2",
            "--summary",
            dir.resolve("two.json").toString());
    assertEquals(
        List.of("score", "decile", "selected", "reason1", "reason2"), rows.get(0).toList());
    assertEquals(BankData.ROWS + 1, rows.size());
    for (CSVRecord row : rows.subList(1, rows.size())) {
      assertEquals(5, row.size(), row.toString());
      assertTrue(row.get(3).matches("[^=]+(=.*)? \\([+-]\\d+\\.\\d\\d\\)"), row.get(3));
    }
    assertTrue(
        rows.stream().anyMatch(r -> r.get(3).startsWith("nr.employed=")),
        "a numeric column's reason names its value");
    JsonNode summary = Mappers.json().readTree(dir.resolve("two.json").toFile());
    assertEquals(2, summary.get("reasons").asInt());
    assertEquals("linear", summary.get("explanation").asText());
  }

  @Test
  void topPercentKeepsEachRowsReasonsAfterItsSelection() throws IOException {
    List<CSVRecord> plain = predict("plain.csv", "--explain", "3");
    List<CSVRecord> top = predict("top.csv", "--explain", "3", "--top-percent", "10");
    assertEquals(
        List.of("score", "decile", "selected", "reason1", "reason2", "reason3"),
        top.get(0).toList());
    for (int r = 1; r < plain.size(); r++) {
      assertEquals(plain.get(r).get(0), top.get(r).get(0));
      assertEquals(plain.get(r).toList().subList(2, 5), top.get(r).toList().subList(3, 6));
    }
  }

  @Test
  void neverWritesThePersonalColumnsValue() throws IOException {
    // more reasons than columns: every column that contributes is named on every row
    List<CSVRecord> rows = predict("all.csv", "--explain", "30");
    boolean named = false;
    for (CSVRecord row : rows.subList(1, rows.size())) {
      for (String reason : row.toList().subList(2, row.size())) {
        assertFalse(reason.startsWith("job="), reason);
        named |= reason.startsWith("job (");
      }
    }
    assertTrue(named, "the masked column is a reason, by its name only");
  }
}
