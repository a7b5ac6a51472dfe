package dev.precis.cli;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    CliRun run = CliRun.train(DATA, model.toString(), "--positive", "yes", "--quiet");
    assertEquals(0, run.exitCode(), run.transcript());
    run =
        CliRun.train(
            DATA, challenger.toString(), "--positive", "yes", "--model", "tree", "--quiet");
    assertEquals(0, run.exitCode(), run.transcript());
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
    assertFalse(html.contains("<script"), "no script");
    assertFalse(html.contains("http://") || html.contains("https://"), "no network reference");
    assertFalse(html.contains("<link") || html.contains("<img"), "nothing external");
    List<String> svgs = elements(html, "svg");
    List<String> titles = new ArrayList<>();
    for (String svg : svgs) {
      Matcher title = Pattern.compile("<title>([^<]+)</title>").matcher(svg);
      assertTrue(title.find(), svg);
      titles.add(title.group(1));
      assertTrue(svg.contains("class=\"axis-label\""), svg);
      assertTrue(svg.contains("class=\"legend\""), svg);
    }
    assertEquals(
        List.of(
            "ROC curve", "Cumulative gains", "Lift by score bin", "Calibration", "Profit by depth"),
        titles);
    assertTrue(html.contains(">False positive rate<"), "ROC x axis");
    assertTrue(html.contains(">Observed response rate<"), "calibration y axis");
    assertTrue(html.contains("<span class=\"fail\">FAIL</span>"), "the failed auc gate");
  }

  @Test
  void chartsShowTheJsonReportsNumbersTest() throws IOException {
    Written written = eval("--set", TERMS);
    JsonNode report = written.report();
    List<String> svgs = elements(written.html(), "svg");
    JsonNode gains = report.at("/metrics/gains");
    List<Double> lifts = values(svgs.get(2), "data-value");
    assertEquals(gains.size(), lifts.size());
    for (int i = 0; i < gains.size(); i++) {
      assertEquals(gains.get(i).path("lift").asDouble(), lifts.get(i), 0.0);
    }
    JsonNode calibration = report.path("calibration");
    List<Double> observed = values(svgs.get(3), "data-y");
    assertEquals(calibration.size(), observed.size());
    for (int i = 0; i < calibration.size(); i++) {
      assertEquals(calibration.get(i).path("observed_rate").asDouble(), observed.get(i), 0.0);
    }
    List<Double> captured = values(svgs.get(1), "data-y");
    assertEquals(gains.size() + 1, captured.size());
    assertEquals(
        gains.get(gains.size() - 1).path("cumulative_capture").asDouble(),
        captured.get(captured.size() - 1),
        0.0);
    JsonNode byBin = report.at("/economics/by_bin");
    List<Double> profit = values(svgs.get(4), "data-y");
    for (int i = 0; i < byBin.size(); i++) {
      assertEquals(byBin.get(i).path("profit").asDouble(), profit.get(i), 0.0);
    }
    assertEquals(report.at("/economics/best/profit").asDouble(), profit.get(byBin.size()), 0.0);
    JsonNode roc = report.path("roc");
    assertTrue(roc.size() >= 2 && roc.size() <= 200, roc.size() + " ROC points");
    assertEquals(0.0, roc.get(0).path("fpr").asDouble());
    assertEquals(1.0, roc.get(roc.size() - 1).path("tpr").asDouble());
    String auc = String.format(java.util.Locale.ROOT, "%.4f", report.at("/metrics/auc").asDouble());
    assertTrue(written.html().contains("<td>" + auc + " (95% CI "), "AUC with its interval");
  }

  @Test
  void challengerIsOverlaidBesideTheModelTest() throws IOException {
    Written written = eval("--challenger", challenger.toString());
    String html = written.html();
    List<String> svgs = elements(html, "svg");
    assertEquals(4, svgs.size(), "no economics, no profit chart");
    Matcher line =
        Pattern.compile("<polyline[^>]*data-series=\"challenger \\(AUC[^>]*points=\"([^\"]+)\"")
            .matcher(svgs.get(0));
    assertTrue(line.find(), "challenger ROC line");
    assertEquals(
        written.report().at("/comparison/challenger_roc").size(), line.group(1).split(" ").length);
    assertTrue(html.contains("<th>challenger</th>"), "summary column");
    String challengerAuc =
        String.format(
            java.util.Locale.ROOT,
            "%.4f",
            written.report().at("/comparison/challenger_metrics/auc").asDouble());
    assertTrue(html.contains("<td>" + challengerAuc + "</td>"), challengerAuc);
    List<Double> bars = values(svgs.get(2), "data-value");
    assertEquals(2 * written.report().at("/metrics/gains").size(), bars.size());
  }

  @Test
  void htmlNeverReplacesAnInputTest() {
    CliRun run =
        CliRun.precis(
            "eval", "--model", model.toString(), "--data", DATA, "--html", DATA, "--force");
    assertEquals(2, run.exitCode(), run.transcript());
  }

  private static List<String> elements(String html, String tag) {
    List<String> found = new ArrayList<>();
    Matcher m = Pattern.compile("<" + tag + "[ >].*?</" + tag + ">", Pattern.DOTALL).matcher(html);
    while (m.find()) {
      found.add(m.group());
    }
    return found;
  }

  /** The attribute's values on a chart's marks, in document order. */
  private static List<Double> values(String svg, String attribute) {
    List<Double> found = new ArrayList<>();
    Matcher m = Pattern.compile(" " + attribute + "=\"([^\"]+)\"").matcher(svg);
    while (m.find()) {
      found.add(Double.parseDouble(m.group(1)));
    }
    return found;
  }
}
