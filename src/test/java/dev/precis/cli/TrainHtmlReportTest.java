package dev.precis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Specifies train --html on the bank sample: one self-contained page whose charts show the numbers
 * of the train report written beside it.
 */
class TrainHtmlReportTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  private static String html;
  private static JsonNode report;

  @BeforeAll
  static void train() throws IOException {
    Path page = dir.resolve("train.html");
    CliRun run =
        CliRun.train(
            BankData.CSV,
            dir.resolve("bank.precis"),
            "--positive",
            "yes",
            "--html",
            page.toString(),
            "--quiet");
    assertEquals(0, run.exitCode(), run.transcript());
    html = Files.readString(page);
    report = JSON.readTree(dir.resolve("bank.train-report.json").toFile());
  }

  @Test
  void pageIsSelfContainedWithALabelledChartPerCurveAndImportance() {
    HtmlPages.assertSelfContained(html);
    assertEquals(
        HtmlPages.scoreChartsThen(
            "Column importance: coefficients", "Column importance: permutation"),
        HtmlPages.titlesOfLabelledCharts(HtmlPages.elements(html, "svg")));
    assertTrue(html.contains("<h2>Charts (validation rows)</h2>"), "the part charted");
    assertTrue(html.contains("<tr><th>Family</th><td>logistic</td></tr>"), "the family");
    for (String part : List.of("train", "valid", "test")) {
      String auc =
          String.format(Locale.ROOT, "%.4f", report.at("/metrics/" + part + "/auc").asDouble());
      assertTrue(html.contains("<tr><td>" + part + "</td><td>"), part);
      assertTrue(html.contains("<td>" + auc + "</td>"), part + " AUC " + auc);
    }
  }

  @Test
  void curvesAreTheValidationRowsOfTheJsonReport() {
    JsonNode curves = report.path("curves");
    assertEquals("valid", curves.path("part").asText());
    List<String> svgs = HtmlPages.elements(html, "svg");
    JsonNode roc = curves.path("roc");
    assertEquals(0.0, roc.get(0).path("fpr").asDouble());
    assertEquals(1.0, roc.get(roc.size() - 1).path("tpr").asDouble());
    assertEquals(roc.size(), HtmlPages.linePoints(svgs.get(0), "logistic (AUC"));
    assertEquals(roc.size() - 1, HtmlPages.linePoints(svgs.get(1), "logistic (AP"));
    JsonNode gains = report.at("/metrics/valid/gains");
    List<Double> captured = HtmlPages.values(svgs.get(2), "logistic", "data-y");
    List<Double> lifts = HtmlPages.values(svgs.get(3), "logistic", "data-value");
    assertEquals(gains.size() + 1, captured.size());
    assertEquals(gains.size(), lifts.size());
    for (int i = 0; i < gains.size(); i++) {
      assertEquals(gains.get(i).path("cumulative_capture").asDouble(), captured.get(i + 1), 0.0);
      assertEquals(gains.get(i).path("lift").asDouble(), lifts.get(i), 0.0);
    }
    JsonNode calibration = curves.path("calibration");
    List<Double> predicted = HtmlPages.values(svgs.get(4), "logistic", "data-x");
    List<Double> observed = HtmlPages.values(svgs.get(4), "logistic", "data-y");
    assertEquals(calibration.size(), observed.size());
    long rows = 0;
    for (int i = 0; i < calibration.size(); i++) {
      assertEquals(calibration.get(i).path("mean_predicted").asDouble(), predicted.get(i), 0.0);
      assertEquals(calibration.get(i).path("observed_rate").asDouble(), observed.get(i), 0.0);
      rows += calibration.get(i).path("rows").asLong();
    }
    assertEquals(report.at("/splits/valid/rows").asLong(), rows, "every validation row binned");
  }

  @Test
  void importanceChartsAreTheTopColumnsOfTheJsonReport() {
    List<String> svgs = HtmlPages.elements(html, "svg");
    HtmlPages.assertBars(svgs.get(5), report.at("/model_importance/columns"), "value");
    HtmlPages.assertBars(svgs.get(6), report.at("/importance/columns"), "mean");
  }

  @Test
  void textModelListsItsTermsBothWaysAndChartsTheTrainingRowsWithoutValidation(@TempDir Path tmp)
      throws IOException {
    Path page = tmp.resolve("sms.html");
    Path messages = SmsSample.slice(SmsSample.TRAIN, 0, 1500, tmp.resolve("sms.tsv"));
    CliRun run =
        SmsSample.train(
            messages,
            tmp.resolve("sms.precis"),
            "--set",
            "prep.split.valid=0",
            "--html",
            page.toString());
    assertEquals(0, run.exitCode(), run.transcript());
    String sms = Files.readString(page);
    JsonNode written = JSON.readTree(tmp.resolve("sms.train-report.json").toFile());
    assertEquals("train", written.at("/curves/part").asText());
    assertTrue(sms.contains("<h2>Charts (training rows)</h2>"), "the part charted");
    JsonNode terms = written.at("/terms/0");
    assertTrue(sms.contains("<h2>Terms of text</h2>"), "the text column's section");
    for (String side : List.of("positive", "negative")) {
      JsonNode first = terms.path(side).path(0);
      assertTrue(
          sms.contains(
              "<td class=\"text\">"
                  + first.path("term").asText()
                  + "</td><td>"
                  + String.format(Locale.ROOT, "%.4f", first.path("weight").asDouble())
                  + "</td>"),
          side + " term " + first);
    }
  }

  @Test
  void htmlNeverReplacesAnInput() {
    CliRun run =
        CliRun.train(
            BankData.CSV,
            dir.resolve("other.precis"),
            "--positive",
            "yes",
            "--html",
            BankData.CSV.toString(),
            "--force");
    assertEquals(2, run.exitCode(), run.transcript());
  }
}
