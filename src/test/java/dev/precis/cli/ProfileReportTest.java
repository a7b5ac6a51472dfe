package dev.precis.cli;

import static dev.precis.cli.OneLineError.assertOneLineError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Specifies the profile in prep-report.json and prep's summary on real files: per column its type
 * and why, missing rate, numbers, top levels with shares; the warnings (a leak by its AUC alone,
 * constant, nearly constant and mostly empty columns, integer codes that may be categories,
 * duplicate rows), each naming the key that would act on it; and no value of the id column.
 */
class ProfileReportTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final Path SHOPPERS =
      Path.of("src/test/resources/online-shoppers/online-shoppers-slice.csv");

  @TempDir Path dir;

  @Test
  void bankDurationIsFlaggedAsALeakByItsAucAloneAndNoOtherColumnIs() throws IOException {
    CliRun run = prep(BankData.CSV, "--set", "prep.missing.tokens=[unknown]");
    JsonNode report = report();
    assertEquals("precis.prep/2", report.path("schema").asText());
    List<String> leaks = warningsContaining(report, "alone separates the target");
    assertEquals(1, leaks.size(), leaks.toString());
    String leak = leaks.get(0);
    assertTrue(leak.startsWith("column 'duration' alone separates the target with AUC 0.8"), leak);
    assertTrue(leak.endsWith("set data.drop: [duration]"), leak);
    assertTrue(run.err().contains("warning: " + leak), run.transcript());
    assertEquals(List.of(leak), columnWarnings(column(report, "duration")));

    // dropping it, as the warning says, leaves no leak
    prep(BankData.CSV, "--set", "prep.missing.tokens=[unknown]", "--set", "data.drop=[duration]");
    assertEquals(List.of(), warningsContaining(report(), "alone separates"));
  }

  @Test
  void bankColumnsHaveTheirTypeWhyMissingRateNumbersAndLevels() throws IOException {
    prep(BankData.CSV, "--set", "prep.missing.tokens=[unknown]");
    JsonNode report = report();
    JsonNode pdays = column(report, "pdays");
    assertEquals("numeric", pdays.path("type").asText());
    assertEquals("every value is a number", pdays.path("why").asText());
    // 999 (never contacted) is 96% of the values: every quantile from the 5th up is 999
    assertEquals(999.0, pdays.at("/numbers/quantiles/p5").asDouble());
    assertEquals(999.0, pdays.at("/numbers/max").asDouble());
    assertEquals(0.0, pdays.at("/numbers/min").asDouble());
    assertTrue(pdays.at("/numbers/std").asDouble() > 150, pdays.toString());
    assertTrue(columnWarnings(pdays).isEmpty(), pdays.toString());

    JsonNode job = column(report, "job");
    assertEquals("categorical", job.path("type").asText());
    assertEquals(39, job.path("missing").asLong());
    assertEquals(39.0 / 4119, job.path("missing_rate").asDouble(), 1e-12);
    JsonNode first = job.path("top").get(0);
    assertEquals("admin.", first.path("value").asText());
    assertEquals(1012, first.path("count").asLong());
    assertEquals(1012.0 / (4119 - 39), first.path("share").asDouble(), 1e-12);

    // 'default' is "no" on all but one row that has a value
    List<String> nearlyConstant = columnWarnings(column(report, "default"));
    assertEquals(1, nearlyConstant.size(), nearlyConstant.toString());
    assertTrue(
        nearlyConstant
            .get(0)
            .startsWith("column 'default' is nearly constant: one value is 99.97% of"),
        nearlyConstant.get(0));
    assertEquals(0, report.at("/profile/duplicate_rows").asLong());
  }

  @Test
  void idColumnValuesAreNeverShown() throws IOException {
    Path data =
        BankData.write(
            dir.resolve("ids.csv"),
            BankData.withColumn(
                BankData.lines(), "customer", row -> "\"K" + (40_000 + row) + "\""));
    CliRun run = prep(data, "--set", "data.id=customer");
    JsonNode customer = column(report(), "customer");
    assertEquals("id", customer.path("role").asText());
    assertTrue(customer.path("top").isEmpty(), customer.toString());
    String written = Files.readString(dir.resolve("prepared/prep-report.json"));
    assertFalse(written.contains("K40001"), "the report holds an id value");
    assertFalse(run.err().contains("K40001"), run.transcript());
  }

  @Test
  void onlineShoppersReadsWithCrlfAndNoFinalNewlineAndFlagsItsIntegerCodes() throws IOException {
    byte[] bytes = Files.readAllBytes(SHOPPERS);
    assertEquals('E', bytes[bytes.length - 1], "the slice ends without a line end");
    CliRun run =
        CliRun.precis(
            "prep",
            "--data",
            SHOPPERS.toString(),
            "--target",
            "Revenue",
            "--out",
            dir.resolve("prepared").toString());
    assertEquals(0, run.exitCode(), run.transcript());
    JsonNode report = report();
    assertEquals(2055, report.at("/profile/rows").asLong());
    assertEquals("TRUE", report.at("/target/positive").asText());
    for (String code : List.of("OperatingSystems", "Browser", "Region", "TrafficType")) {
      List<String> warnings = columnWarnings(column(report, code));
      assertTrue(
          warnings.stream()
              .anyMatch(
                  w ->
                      w.contains("maybe categorical codes")
                          && w.endsWith("set data.types: {" + code + ": categorical}")),
          code + ": " + warnings);
    }
    assertTrue(run.err().contains("set data.types: {Region: categorical}"), run.transcript());
    assertTrue(
        run.err().contains("column 'Region' holds 9 whole numbers from 1 to 9"), run.transcript());
    // counts start at 0, and a fraction is no code
    for (String count : List.of("Administrative", "Informational", "SpecialDay")) {
      assertTrue(
          columnWarnings(column(report, count)).stream().noneMatch(w -> w.contains("codes")),
          count);
    }
    JsonNode weekend = column(report, "Weekend");
    assertEquals("boolean", weekend.path("type").asText());
    assertEquals("its values are FALSE and TRUE", weekend.path("why").asText());
    assertEquals(
        1,
        JSON.readTree(dir.resolve("prepared/pipeline.json").toFile()).findValues("step").stream()
            .filter(step -> step.asText().equals("boolean"))
            .count());
  }

  @Test
  void constantMostlyEmptyAndDuplicateRowsAreWarnedWithTheirFix() throws IOException {
    List<String> lines = BankData.withColumn(BankData.lines(), "channel", row -> "\"web\"");
    lines = BankData.withColumn(lines, "coupon", row -> row % 10 < 7 ? "" : "\"C" + row % 3 + "\"");
    lines.addAll(lines.subList(1, 13));
    CliRun run = prep(BankData.write(dir.resolve("odd.csv"), lines));
    JsonNode report = report();
    assertEquals(
        List.of(
            "column 'channel' holds the same value on every row that has one; it cannot help a"
                + " model: data.drop: [channel]"),
        columnWarnings(column(report, "channel")));
    List<String> coupon = columnWarnings(column(report, "coupon"));
    assertEquals(1, coupon.size(), coupon.toString());
    assertTrue(coupon.get(0).startsWith("column 'coupon' is missing on 70."), coupon.get(0));
    assertTrue(coupon.get(0).endsWith("data.drop: [coupon]"), coupon.get(0));
    assertEquals(12, report.at("/profile/duplicate_rows").asLong());
    assertTrue(
        run.err().contains("warning: 12 rows (0.3%) repeat an earlier row in every field"),
        run.transcript());
    // warned about, never dropped
    assertTrue(
        JSON.readTree(dir.resolve("prepared/pipeline.json").toFile())
            .toString()
            .contains("channel"));
  }

  @Test
  void headerlessFileTakesItsColumnNamesFromDataColumns() throws IOException {
    List<String> lines = BankData.lines();
    List<String> names = new ArrayList<>();
    for (String name : BankData.fields(lines.get(0))) {
      names.add(name.replace("\"", ""));
    }
    Path data = BankData.write(dir.resolve("headerless.csv"), lines.subList(1, lines.size()));
    String columns = "data.columns=[" + String.join(", ", names) + "]";
    CliRun run = prep(data, "--set", columns);
    assertEquals(BankData.ROWS, report().at("/profile/rows").asLong());
    assertFalse(report().path("header").asBoolean());
    assertEquals("numeric", column(report(), "duration").path("type").asText());

    CliRun short_ =
        CliRun.precis(
            "prep",
            "--data",
            data.toString(),
            "--target",
            "y",
            "--set",
            "data.columns=[age, job, y]",
            "--out",
            dir.resolve("short").toString());
    assertOneLineError(short_, 3, "headerless.csv", "data.columns names 3 columns", "21 fields");
    assertTrue(run.transcript().contains("Read"), run.transcript());
  }

  private CliRun prep(Path data, String... options) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "prep",
                "--data",
                data.toString(),
                "--target",
                "y",
                "--out",
                dir.resolve("prepared").toString(),
                "--force"));
    args.addAll(List.of(options));
    CliRun run = CliRun.precis(args);
    assertEquals(0, run.exitCode(), run.transcript());
    return run;
  }

  private JsonNode report() throws IOException {
    return JSON.readTree(dir.resolve("prepared/prep-report.json").toFile());
  }

  private static List<String> warningsContaining(JsonNode report, String text) {
    List<String> found = new ArrayList<>();
    report
        .at("/profile/warnings")
        .forEach(
            w -> {
              if (w.asText().contains(text)) {
                found.add(w.asText());
              }
            });
    return found;
  }

  private static List<String> columnWarnings(JsonNode column) {
    List<String> warnings = new ArrayList<>();
    column.path("warnings").forEach(w -> warnings.add(w.asText()));
    return warnings;
  }

  private static JsonNode column(JsonNode report, String name) {
    for (JsonNode column : report.at("/profile/columns")) {
      if (column.path("name").asText().equals(name)) {
        return column;
      }
    }
    throw new AssertionError("no column " + name + " in the profile");
  }
}
