package dev.precis.report;

import dev.precis.eval.BinaryMetrics;
import dev.precis.eval.CalibrationBin;
import dev.precis.eval.CampaignProfit;
import dev.precis.eval.Comparison;
import dev.precis.eval.GainsBin;
import dev.precis.eval.GateResult;
import dev.precis.eval.ProfitAtDepth;
import dev.precis.eval.RocPoint;
import dev.precis.io.OutputFile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The eval report as one self-contained HTML page (eval --html): a summary table, the gates, the
 * challenger comparison, and SVG charts of the ROC curve, cumulative gains, lift by bin,
 * calibration and profit by depth. Everything is inline (CSS, SVG) and read from the {@link
 * EvalReport} alone, so the page shows the numbers of the JSON report; it needs no network and no
 * script, and prints.
 */
public final class HtmlReport {
  private static final String CHAMPION = "model";
  private static final String CHALLENGER = "challenger";

  private static final String STYLE =
      """
      body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;
      max-width:1100px;margin:1.5em auto;padding:0 1em;color:#222;line-height:1.4}
      h1{font-size:1.5em;margin-bottom:.2em}h2{font-size:1.15em;margin-top:1.6em}
      .meta{color:#666;font-size:.9em}
      table{border-collapse:collapse;margin:.5em 0;font-size:.92em}
      th,td{border-bottom:1px solid #ddd;padding:.25em .8em;text-align:right}
      th:first-child,td:first-child{text-align:left}
      td.path{text-align:left;font-family:ui-monospace,Menlo,Consolas,monospace;word-break:break-all}
      .pass{color:#1d7a3a;font-weight:600}.fail{color:#b3261e;font-weight:600}
      .charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(480px,1fr));gap:1em}
      svg.chart{width:100%;height:auto;border:1px solid #eee}
      svg text{font-family:inherit;fill:#333}
      .chart-title{font-size:14px;font-weight:600}.tick{font-size:10px;fill:#555}
      .axis-label{font-size:12px}.legend{font-size:11px}.value{font-size:9px}
      .axes line{stroke:#333}.grid{stroke:#e6e6e6}
      @media print{body{max-width:none}.charts{display:block}svg.chart{break-inside:avoid;max-width:15cm}}
      """;

  private HtmlReport() {}

  /** Writes the page, as any output is written (see {@link OutputFile}). */
  public static void write(OutputFile target, EvalReport report) {
    target.write(out -> out.write(of(report).getBytes(StandardCharsets.UTF_8)));
  }

  /** The page. */
  public static String of(EvalReport report) {
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>Precis evaluation: ")
        .append(Html.escape(report.model().path()))
        .append("</title><style>")
        .append(STYLE)
        .append("</style></head><body>\n<h1>Model evaluation</h1><p class=\"meta\">")
        .append(Html.escape(report.about().schema()))
        .append(" · Precis ")
        .append(Html.escape(report.about().precisVersion()))
        .append(" · ")
        .append(Html.escape(report.about().createdAt()))
        .append("</p>\n");
    summary(html, report);
    gates(html, report);
    comparison(html, report);
    economics(html, report.economics());
    html.append("<h2>Charts</h2>\n<div class=\"charts\">\n");
    for (SvgChart chart : charts(report)) {
      html.append(chart.render()).append('\n');
    }
    return html.append("</div>\n</body></html>\n").toString();
  }

  private static void summary(StringBuilder html, EvalReport report) {
    ChallengerComparison comparison = report.comparison();
    BinaryMetrics champion = report.metrics();
    BinaryMetrics challenger = comparison == null ? null : comparison.challengerMetrics();
    html.append("<h2>Summary</h2>\n<table class=\"summary\"><tr><th></th><th>")
        .append(CHAMPION)
        .append("</th>")
        .append(challenger == null ? "" : "<th>" + CHALLENGER + "</th>")
        .append("</tr>\n");
    pathRow(
        html,
        "Model",
        report.model().path(),
        comparison == null ? null : comparison.challenger().path());
    pathRow(html, "Data", report.data().path(), comparison == null ? null : report.data().path());
    String rate = Html.number(100.0 * champion.positives() / champion.rows(), 2);
    row(html, "Rows scored", Html.count(champion.rows()), null);
    row(html, "Positives", Html.count(champion.positives()) + " (" + rate + "%)", null);
    String auc = Html.number(champion.auc(), 4);
    if (report.aucInterval() != null) {
      auc +=
          " (95% CI "
              + Html.number(report.aucInterval().low(), 4)
              + "–"
              + Html.number(report.aucInterval().high(), 4)
              + ")";
    }
    row(html, "AUC", auc, challenger == null ? null : Html.number(challenger.auc(), 4));
    metricRow(html, "PR-AUC", champion, challenger, BinaryMetrics::prAuc);
    metricRow(html, "KS", champion, challenger, BinaryMetrics::ks);
    metricRow(html, "Gini", champion, challenger, m -> 2 * m.auc() - 1);
    metricRow(html, "Log loss", champion, challenger, BinaryMetrics::logLoss);
    metricRow(html, "Brier", champion, challenger, BinaryMetrics::brier);
    metricRow(html, "ECE", champion, challenger, BinaryMetrics::ece);
    metricRow(html, "Top-bin lift", champion, challenger, m -> m.gains().get(0).lift());
    row(
        html,
        "Threshold",
        Html.number(report.threshold().value(), 4) + " (" + report.threshold().chosenBy() + ")",
        null);
    metricRow(
        html, "Precision at threshold", champion, challenger, m -> m.atThreshold().precision());
    metricRow(html, "Recall at threshold", champion, challenger, m -> m.atThreshold().recall());
    html.append("</table>\n");
  }

  private static void pathRow(StringBuilder html, String name, String path, String other) {
    html.append("<tr><th>")
        .append(name)
        .append("</th><td class=\"path\">")
        .append(Html.escape(path))
        .append("</td>")
        .append(other == null ? "" : "<td class=\"path\">" + Html.escape(other) + "</td>")
        .append("</tr>\n");
  }

  private static void metricRow(
      StringBuilder html,
      String name,
      BinaryMetrics champion,
      BinaryMetrics challenger,
      Function<BinaryMetrics, Double> metric) {
    row(
        html,
        name,
        Html.number(metric.apply(champion), 4),
        challenger == null ? null : Html.number(metric.apply(challenger), 4));
  }

  private static void row(StringBuilder html, String name, String value, String other) {
    html.append("<tr><th>").append(name).append("</th><td>").append(Html.escape(value));
    html.append("</td>").append(other == null ? "" : "<td>" + Html.escape(other) + "</td>");
    html.append("</tr>\n");
  }

  private static void gates(StringBuilder html, EvalReport report) {
    if (report.gates().isEmpty()) {
      html.append("<h2>Quality gates</h2>\n")
          .append("<p>No gates were set (eval.gates, --fail-under, --fail-over).</p>\n");
      return;
    }
    html.append("<h2>Quality gates: ").append(verdict(report.passed())).append("</h2>\n");
    html.append("<table class=\"gates\"><tr><th>Metric</th><th>Rule</th><th>Value</th>")
        .append("<th>Result</th></tr>\n");
    for (GateResult gate : report.gates()) {
      String rule =
          switch (gate.direction()) {
            case AT_LEAST -> "≥ " + Html.number(gate.limit(), 4);
            case AT_MOST -> "≤ " + Html.number(gate.limit(), 4);
            case MAX_DROP -> "drop ≤ " + Html.number(gate.limit(), 4);
          };
      html.append("<tr><td>")
          .append(Html.escape(gate.metric()))
          .append("</td><td>")
          .append(rule)
          .append("</td><td>")
          .append(Html.number(gate.value(), 4))
          .append("</td><td>")
          .append(verdict(gate.passed()))
          .append("</td></tr>\n");
    }
    html.append("</table>\n");
  }

  private static String verdict(boolean passed) {
    return passed ? "<span class=\"pass\">pass</span>" : "<span class=\"fail\">FAIL</span>";
  }

  private static void comparison(StringBuilder html, EvalReport report) {
    if (report.comparison() == null) {
      return;
    }
    Comparison comparison = report.comparison().comparison();
    html.append("<h2>Challenger: ")
        .append(Html.escape(comparison.verdict().text()))
        .append("</h2>\n<table class=\"comparison\"><tr><th>Metric</th><th>")
        .append(CHAMPION)
        .append("</th><th>")
        .append(CHALLENGER)
        .append("</th><th>Difference</th><th>95% interval</th><th>Method</th></tr>\n");
    for (Comparison.Difference d : comparison.differences()) {
      html.append("<tr><td>")
          .append(Html.escape(d.metric()))
          .append("</td><td>")
          .append(Html.number(d.champion(), 4))
          .append("</td><td>")
          .append(Html.number(d.challenger(), 4))
          .append("</td><td>")
          .append(Html.number(d.difference(), 4))
          .append("</td><td>")
          .append(Html.number(d.low(), 4))
          .append(" to ")
          .append(Html.number(d.high(), 4))
          .append("</td><td>")
          .append(Html.escape(d.method()))
          .append("</td></tr>\n");
    }
    html.append("</table>\n");
  }

  private static void economics(StringBuilder html, CampaignProfit economics) {
    if (economics == null) {
      return;
    }
    html.append("<h2>Campaign economics</h2>\n<table class=\"economics\"><tr><th></th>")
        .append("<th>Contacts</th><th>Share</th><th>Responders</th><th>Spend</th>")
        .append("<th>Profit</th><th>ROI</th></tr>\n");
    depthRow(html, "Most profit", economics.best());
    if (economics.bestWithinBudget() != null) {
      depthRow(
          html, "Most profit, budget " + economics.budgetContacts(), economics.bestWithinBudget());
    }
    html.append("</table>\n");
  }

  private static void depthRow(StringBuilder html, String name, ProfitAtDepth at) {
    html.append("<tr><th>")
        .append(Html.escape(name))
        .append("</th><td>")
        .append(Html.count(at.depth()))
        .append("</td><td>")
        .append(Html.number(100 * at.share(), 1))
        .append("%</td><td>")
        .append(Html.count(at.responders()))
        .append("</td><td>")
        .append(Html.money(at.spend()))
        .append("</td><td>")
        .append(Html.money(at.profit()))
        .append("</td><td>")
        .append(at.roi() == null ? "–" : Html.number(at.roi(), 3))
        .append("</td></tr>\n");
  }

  /** ROC, cumulative gains, lift and calibration, and profit by depth when economics are set. */
  static List<SvgChart> charts(EvalReport report) {
    ChallengerComparison comparison = report.comparison();
    List<SvgChart> charts = new ArrayList<>();
    List<double[]> diagonal = List.of(new double[] {0, 0}, new double[] {1, 1});

    SvgChart roc =
        new SvgChart("ROC curve", "False positive rate", "True positive rate", 0, 1, 0, 1)
            .line("chance", diagonal, 3, true)
            .line(
                CHAMPION + " (AUC " + Html.number(report.metrics().auc(), 3) + ")",
                rocPoints(report.roc()),
                0,
                false);
    if (comparison != null) {
      roc.line(
          CHALLENGER + " (AUC " + Html.number(comparison.challengerMetrics().auc(), 3) + ")",
          rocPoints(comparison.challengerRoc()),
          1,
          false);
    }
    charts.add(roc);

    SvgChart gains =
        new SvgChart(
                "Cumulative gains",
                "Share of rows contacted, best scores first",
                "Share of positives captured",
                0,
                1,
                0,
                1)
            .line("random", diagonal, 3, true)
            .line(CHAMPION, gainsPoints(report.metrics()), 0, false);
    if (comparison != null) {
      gains.line(CHALLENGER, gainsPoints(comparison.challengerMetrics()), 1, false);
    }
    charts.add(gains);

    List<GainsBin> bins = report.metrics().gains();
    List<String> names = new ArrayList<>(List.of(CHAMPION));
    List<double[]> lifts = new ArrayList<>(List.of(lifts(report.metrics())));
    if (comparison != null && comparison.challengerMetrics().gains().size() == bins.size()) {
      names.add(CHALLENGER);
      lifts.add(lifts(comparison.challengerMetrics()));
    }
    charts.add(
        new SvgChart(
                "Lift by score bin",
                "Score bin, best first (" + bins.size() + " bins)",
                "Lift (bin response rate / overall rate)",
                0,
                1,
                0,
                1)
            .bars(names, bins.stream().map(b -> String.valueOf(b.bin())).toList(), lifts)
            .line(
                "random (lift 1)",
                List.of(new double[] {-0.5, 1}, new double[] {bins.size() - 0.5, 1}),
                3,
                true));

    charts.add(
        new SvgChart(
                "Calibration", "Mean predicted probability", "Observed response rate", 0, 1, 0, 1)
            .line("perfect calibration", diagonal, 3, true)
            .line(
                CHAMPION,
                report.calibration().stream()
                    .map((CalibrationBin b) -> new double[] {b.meanPredicted(), b.observedRate()})
                    .toList(),
                0,
                false));

    CampaignProfit economics = report.economics();
    if (economics != null) {
      List<double[]> profit =
          economics.byBin().stream().map(p -> new double[] {p.share(), p.profit()}).toList();
      double low = Math.min(0, profit.stream().mapToDouble(p -> p[1]).min().orElse(0));
      double high = Math.max(0, profit.stream().mapToDouble(p -> p[1]).max().orElse(0));
      high = Math.max(high, economics.best().profit());
      double pad = (high - low) * 0.05 + 1e-9;
      SvgChart chart =
          new SvgChart(
                  "Profit by depth",
                  "Share of rows contacted, best scores first",
                  "Profit",
                  0,
                  1,
                  low - pad,
                  high + pad)
              .line("break-even", List.of(new double[] {0, 0}, new double[] {1, 0}), 3, true)
              .line(CHAMPION, profit, 0, false)
              .line(
                  "most profit (" + Html.count(economics.best().depth()) + " contacts)",
                  List.<double[]>of(
                      new double[] {economics.best().share(), economics.best().profit()}),
                  2,
                  false);
      charts.add(chart);
    }
    return charts;
  }

  private static List<double[]> rocPoints(List<RocPoint> roc) {
    return roc.stream().map(p -> new double[] {p.fpr(), p.tpr()}).toList();
  }

  /** The gains curve: (0, 0), then each bin's end. */
  private static List<double[]> gainsPoints(BinaryMetrics metrics) {
    List<double[]> points = new ArrayList<>(List.<double[]>of(new double[] {0, 0}));
    long rows = 0;
    for (GainsBin bin : metrics.gains()) {
      rows += bin.rows();
      points.add(new double[] {(double) rows / metrics.rows(), bin.cumulativeCapture()});
    }
    return points;
  }

  private static double[] lifts(BinaryMetrics metrics) {
    return metrics.gains().stream().mapToDouble(GainsBin::lift).toArray();
  }
}
