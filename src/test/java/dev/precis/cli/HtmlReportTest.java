package dev.precis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Specifies eval --html on the bank sample: one self-contained page whose charts show the numbers
 * of the JSON report written beside it.
 */
class HtmlReportTest {
  private static final String DATA = BankData.CSV.toString();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TERMS = "eval.economics={cost: 2, value: 30, fixed: 100}";

  @TempDir static Path shared;
  private static Path model;
  private static Path challenger;

  @TempDir Path tmp;

  @BeforeAll
  static void trainTwoModels() {
    model = shared.resolve("bank.precis");
    challenger = shared.resolve("tree.precis");
    HtmlPages.trainModelAndChallenger(model, challenger);
  }

  private record Written(String html, JsonNode report) {}

  private Written eval(String... more) throws IOException {
    Path html = tmp.resolve("report.html");
    Path json = tmp.resolve("report.json");
    List<String> args =
        new ArrayList<>(
            List.of(
                "eval",
                "--model",
                model.toString(),
                "--data",
                DATA,
                "--html",
                html.toString(),
                "--out",
                json.toString(),
                "--quiet"));
    args.addAll(List.of(more));
    CliRun run = CliRun.precis(args);
    assertTrue(run.exitCode() == 0 || run.exitCode() == 4, run.transcript());
    return new Written(Files.readString(html), JSON.readTree(json.toFile()));
  }

  @Test
  void pageIsSelfContainedWithATitledLabelledSvgPerChartTest() throws IOException {
    String html = eval("--set", TERMS, "--fail-under", "auc=0.99").html();
    HtmlPages.assertSelfContained(html);
    assertEquals(
        HtmlPages.scoreChartsThen(
            "Profit by depth", "Column importance: coefficients", "Column importance: permutation"),
        HtmlPages.titlesOfLabelledCharts(HtmlPages.elements(html, "svg")));
    assertTrue(html.contains(">False positive rate<"), "ROC x axis");
    assertTrue(html.contains(">Observed response rate<"), "calibration y axis");
    assertTrue(html.contains("<span class=\"fail\">FAIL</span>"), "the failed auc gate");
  }

  @Test
  void chartsShowTheJsonReportsNumbersTest() throws IOException {
    Written written = eval("--set", TERMS);
    JsonNode report = written.report();
    List<String> svgs = HtmlPages.elements(written.html(), "svg");
    JsonNode gains = report.at("/metrics/gains");
    List<Double> lifts = HtmlPages.values(svgs.get(3), "data-value");
    assertEquals(gains.size(), lifts.size());
    for (int i = 0; i < gains.size(); i++) {
      assertEquals(gains.get(i).path("lift").asDouble(), lifts.get(i), 0.0);
    }
    JsonNode calibration = report.path("calibration");
    List<Double> observed = HtmlPages.values(svgs.get(4), "data-y");
    assertEquals(calibration.size(), observed.size());
    for (int i = 0; i < calibration.size(); i++) {
      assertEquals(calibration.get(i).path("observed_rate").asDouble(), observed.get(i), 0.0);
    }
    List<Double> captured = HtmlPages.values(svgs.get(2), "data-y");
    assertEquals(gains.size() + 1, captured.size());
    assertEquals(
        gains.get(gains.size() - 1).path("cumulative_capture").asDouble(),
        captured.get(captured.size() - 1),
        0.0);
    JsonNode byBin = report.at("/economics/by_bin");
    List<Double> profit = HtmlPages.values(svgs.get(5), "data-y");
    for (int i = 0; i < byBin.size(); i++) {
      assertEquals(byBin.get(i).path("profit").asDouble(), profit.get(i), 0.0);
    }
    assertEquals(report.at("/economics/best/profit").asDouble(), profit.get(byBin.size()), 0.0);
    JsonNode roc = report.path("roc");
    assertTrue(roc.size() >= 2 && roc.size() <= 200, roc.size() + " ROC points");
    assertEquals(0.0, roc.get(0).path("fpr").asDouble());
    assertEquals(1.0, roc.get(roc.size() - 1).path("tpr").asDouble());
    assertEquals(roc.size(), HtmlPages.linePoints(svgs.get(0), "model bank.precis (AUC"));
    // the precision-recall curve is the ROC vertices' precision and recall, less the origin
    assertEquals(roc.size() - 1, HtmlPages.linePoints(svgs.get(1), "model bank.precis (AP"));
    String ap =
        String.format(java.util.Locale.ROOT, "%.3f", report.at("/metrics/pr_auc").asDouble());
    assertTrue(svgs.get(1).contains("(AP " + ap + ")"), "AP in the legend");
    String auc = String.format(java.util.Locale.ROOT, "%.4f", report.at("/metrics/auc").asDouble());
    assertTrue(written.html().contains("<td>" + auc + " (95% CI "), "AUC with its interval");
  }

  @Test
  void challengerIsOverlaidOnEveryChartTest() throws IOException {
    Written written = eval("--challenger", challenger.toString(), "--set", TERMS);
    JsonNode report = written.report();
    JsonNode comparison = report.path("comparison");
    String html = written.html();
    // the curves' charts; each model's top columns are drawn apart (EvalTopFeaturesTest)
    List<String> svgs =
        HtmlPages.elements(html.substring(0, html.indexOf("<h2>Top columns")), "svg");
    assertEquals(6, svgs.size());
    for (String svg : svgs) {
      assertTrue(svg.contains(">model bank.precis"), "the model in the legend: " + svg);
      assertTrue(svg.contains(">challenger tree.precis"), "the challenger in the legend: " + svg);
    }
    assertEquals(
        comparison.path("challenger_roc").size(),
        HtmlPages.linePoints(svgs.get(0), "challenger tree.precis (AUC"));
    assertEquals(
        comparison.path("challenger_roc").size() - 1,
        HtmlPages.linePoints(svgs.get(1), "challenger tree.precis (AP"));
    JsonNode gains = comparison.at("/challenger_metrics/gains");
    List<Double> captured = HtmlPages.values(svgs.get(2), "challenger tree.precis", "data-y");
    assertEquals(gains.size() + 1, captured.size());
    List<Double> lifts = HtmlPages.values(svgs.get(3), "challenger tree.precis", "data-value");
    assertEquals(gains.size(), lifts.size());
    for (int i = 0; i < gains.size(); i++) {
      assertEquals(gains.get(i).path("cumulative_capture").asDouble(), captured.get(i + 1), 0.0);
      assertEquals(gains.get(i).path("lift").asDouble(), lifts.get(i), 0.0);
    }
    JsonNode calibration = comparison.path("challenger_calibration");
    assertTrue(calibration.size() > 1, calibration.toString());
    List<Double> observed = HtmlPages.values(svgs.get(4), "challenger tree.precis", "data-y");
    assertEquals(calibration.size(), observed.size());
    for (int i = 0; i < calibration.size(); i++) {
      assertEquals(calibration.get(i).path("observed_rate").asDouble(), observed.get(i), 0.0);
    }
    JsonNode byBin = comparison.at("/challenger_economics/by_bin");
    List<Double> profit = HtmlPages.values(svgs.get(5), "challenger tree.precis", "data-y");
    assertEquals(byBin.size(), profit.size());
    for (int i = 0; i < byBin.size(); i++) {
      assertEquals(byBin.get(i).path("profit").asDouble(), profit.get(i), 0.0);
    }
    JsonNode best = comparison.at("/challenger_economics/best");
    String bestName =
        String.format(
            java.util.Locale.ROOT,
            "challenger tree.precis: most profit (%,d contacts)",
            best.path("depth").asLong());
    assertEquals(
        List.of(best.path("profit").asDouble()),
        HtmlPages.values(svgs.get(5), bestName, "data-y"),
        "the challenger's best depth, as in the JSON");
    assertTrue(html.contains("<th>challenger</th>"), "summary column");
    assertTrue(html.contains("<th>challenger: most profit</th>"), "the challenger's best depth");
    String challengerAuc =
        String.format(
            java.util.Locale.ROOT, "%.4f", comparison.at("/challenger_metrics/auc").asDouble());
    assertTrue(html.contains("<td>" + challengerAuc + "</td>"), challengerAuc);
  }

  @Test
  void htmlNeverReplacesAnInputTest() {
    CliRun run =
        CliRun.precis(
            "eval", "--model", model.toString(), "--data", DATA, "--html", DATA, "--force");
    assertEquals(2, run.exitCode(), run.transcript());
  }
}
