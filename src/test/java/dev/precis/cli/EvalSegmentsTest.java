package dev.precis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Specifies `precis eval --by COLUMN` and the ranking and calibration figures of the eval report,
 * on the bank sample with three columns added: a client id (data.id), an e-mail (data.pii) and a
 * channel that is no feature, blank on every third row and "kiosk" on three non-responders only.
 */
class EvalSegmentsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  private static Path data;
  private static Path model;

  @BeforeAll
  static void trainOnTheBankSampleWithAChannel() {
    List<String> lines = BankData.lines();
    int y = BankData.fields(lines.get(0)).size() - 1;
    List<String> out = new ArrayList<>();
    out.add(lines.get(0) + ";\"client\";\"email\";\"channel\"");
    int kiosks = 0;
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      String channel = i % 3 == 0 ? "" : i % 3 == 1 ? "\"web\"" : "\"branch\"";
      if (kiosks < 3 && BankData.fields(line).get(y).equals("\"no\"")) {
        channel = "\"kiosk\"";
        kiosks++;
      }
      out.add(line + ";\"c" + i + "\";\"person" + i + "@example.com\";" + channel);
    }
    data = BankData.write(dir.resolve("bank-channel.csv"), out);
    model = dir.resolve("bank.precis");
    CliRun run =
        CliRun.train(
            data.toString(),
            model.toString(),
            "--positive",
            "yes",
            "--set",
            "data.drop=[duration,channel]",
            "--set",
            "data.id=client",
            "--set",
            "data.pii.email=drop",
            "--set",
            "prep.missing.tokens=[unknown]",
            "--quiet");
    assertEquals(0, run.exitCode(), run.transcript());
  }

  private static CliRun eval(String... options) {
    return CliRun.precis(
        CliRun.concat(
            List.of("eval", "--model", model.toString(), "--data", data.toString()), options));
  }

  @Test
  void segmentsCoverEveryRowWithTheMissingOnesApartAndAOneClassOneSaysWhatItLacks()
      throws IOException {
    CliRun run = eval("--by", "channel", "--out", "-");
    assertEquals(0, run.exitCode(), run.transcript());
    JsonNode report = JSON.readTree(run.out());
    JsonNode segments = report.path("segments");
    assertEquals("channel", segments.path("column").asText());
    List<String> values = new ArrayList<>();
    long rows = 0;
    for (JsonNode segment : segments.path("segments")) {
      values.add(segment.path("value").isNull() ? null : segment.path("value").asText());
      rows += segment.path("rows").asLong();
    }
    // kiosk takes rows 1 to 3, one of each other segment, leaving three of 1,372 rows: ties go by
    // value, the missing one last.
    assertEquals(java.util.Arrays.asList("branch", "web", null, "kiosk"), values);
    assertEquals(report.path("metrics").path("rows").asLong(), rows);
    JsonNode kiosk = segments.path("segments").get(3);
    assertEquals(3, kiosk.path("rows").asLong());
    assertTrue(kiosk.path("auc").isNull(), kiosk.toString());
    assertTrue(kiosk.path("log_loss").isNumber(), kiosk.toString());
    assertTrue(kiosk.path("undefined").toString().contains("\"auc\""), kiosk.toString());
    JsonNode web = segments.path("segments").get(1);
    assertTrue(web.path("auc_low").asDouble() < web.path("auc").asDouble());
    assertTrue(web.path("auc").asDouble() < web.path("auc_high").asDouble());
    assertTrue(run.err().contains("By channel:"), run.err());
    assertTrue(run.err().contains("(missing)"), run.err());
    assertTrue(run.err().contains("a segment of one class has no ranking metrics"), run.err());
  }

  @Test
  void reportHasTheAucIntervalGiniAndTheCalibrationTableEceIsReadFrom() throws IOException {
    CliRun run = eval("--out", "-");
    assertEquals(0, run.exitCode(), run.transcript());
    JsonNode report = JSON.readTree(run.out());
    double auc = report.path("metrics").path("auc").asDouble();
    JsonNode interval = report.path("auc_interval");
    assertEquals(auc, interval.path("estimate").asDouble(), 1e-12);
    assertTrue(interval.path("low").asDouble() < auc && auc < interval.path("high").asDouble());
    assertEquals(2 * auc - 1, report.path("gini").asDouble(), 1e-12);
    long rows = 0;
    double weightedGap = 0;
    for (JsonNode bin : report.path("calibration")) {
      long n = bin.path("rows").asLong();
      rows += n;
      weightedGap +=
          n
              * Math.abs(
                  bin.path("observed_rate").asDouble() - bin.path("mean_predicted").asDouble());
    }
    assertEquals(report.path("metrics").path("rows").asLong(), rows);
    assertEquals(report.path("metrics").path("ece").asDouble(), weightedGap / rows, 1e-12);
    assertTrue(report.path("segments").isNull() || report.path("segments").isMissingNode());
    assertFalse(run.err().contains("By "), run.err());
  }

  @Test
  void summaryFitsEightyColumnsSaveItsPaths() {
    CliRun run = eval("--by", "channel");
    assertEquals(0, run.exitCode(), run.transcript());
    for (String line : run.err().split("\n")) {
      // Paths are as long as the user's.
      if (line.startsWith("Evaluated ")) {
        continue;
      }
      assertTrue(line.length() <= 80, line.length() + ": " + line);
    }
  }

  @Test
  void byAnIdOrPersonalColumnIsAUsageErrorThatShowsNoValue() {
    for (String column : List.of("client", "email")) {
      CliRun run = eval("--by", column);
      assertEquals(2, run.exitCode(), run.transcript());
      assertTrue(run.err().contains("--by " + column), run.err());
      assertFalse(run.err().contains("@example.com"), run.err());
      assertFalse(run.out().contains("@example.com"), run.out());
    }
  }

  @Test
  void byAColumnTheFileLacksNamesIt() {
    CliRun run = eval("--by", "chanel");
    assertEquals(3, run.exitCode(), run.transcript());
    assertTrue(run.err().contains("'chanel'"), run.err());
    assertTrue(run.err().contains("channel"), run.err());
  }
}
