package dev.precis.report;

import dev.precis.eval.BinaryMetrics;
import dev.precis.eval.CampaignProfit;
import dev.precis.eval.Comparison;
import dev.precis.eval.GateResult;
import dev.precis.eval.ProfitAtDepth;
import dev.precis.eval.UpliftMetrics;
import dev.precis.io.OutputFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The eval report as one self-contained HTML page (eval --html): a summary table, the gates, the
 * challenger comparison, and the SVG charts of {@link ModelCharts} (ROC, precision-recall, gains,
 * lift, calibration and profit by depth), the challenger overlaid on the model in each, and the
 * columns each model relies on most as its training run measured them. Everything is inline (CSS,
 * SVG) and read from the {@link EvalReport} alone, so the page shows the numbers of the JSON
 * report; it needs no network and no script, and prints.
 */
public final class HtmlReport {
  private static final String CHAMPION = "model";
  private static final String CHALLENGER = "challenger";

  private HtmlReport() {}

  /** Writes the page, as any output is written (see {@link OutputFile}). */
  public static void write(OutputFile target, EvalReport report) {
    HtmlPage.write(target, of(report));
  }

  /** The page. */
  public static String of(EvalReport report) {
    HtmlPage page =
        new HtmlPage("Model evaluation", "evaluation", report.model().path(), report.about());
    if (report.uplift() != null) {
      return uplift(page, report);
    }
    summary(page, report);
    gates(page, report);
    comparison(page, report);
    economics(page, report);
    page.charts("Charts", charts(report));
    topColumns(page, report);
    return page.end();
  }

  /** An uplift model's page: what was scored, the gates, and the uplift section. */
  private static String uplift(HtmlPage page, EvalReport report) {
    page.append("<h2>Summary</h2>\n<table class=\"summary\">\n");
    page.pathRow("Model", report.model().path(), null);
    page.pathRow("Data", report.data().path(), null);
    page.row("Rows skipped (other arms, no label)", Html.count(report.skippedRows()), null);
    page.append("</table>\n");
    gates(page, report);
    comparison(page, report);
    ChallengerComparison comparison = report.comparison();
    UpliftMetrics challenger = comparison == null ? null : comparison.challengerUplift();
    return page.append(UpliftHtml.section(report.uplift(), challenger)).end();
  }

  private static void summary(HtmlPage html, EvalReport report) {
    ChallengerComparison comparison = report.comparison();
    BinaryMetrics champion = report.metrics();
    BinaryMetrics challenger = comparison == null ? null : comparison.challengerMetrics();
    html.append("<h2>Summary</h2>\n<table class=\"summary\"><tr><th></th><th>")
        .append(CHAMPION)
        .append("</th>")
        .append(challenger == null ? "" : "<th>" + CHALLENGER + "</th>")
        .append("</tr>\n");
    html.pathRow(
        "Model", report.model().path(), comparison == null ? null : comparison.challenger().path());
    html.pathRow("Data", report.data().path(), comparison == null ? null : report.data().path());
    String rate = Html.number(100.0 * champion.positives() / champion.rows(), 2);
    html.row("Rows scored", Html.count(champion.rows()), null);
    html.row("Positives", Html.count(champion.positives()) + " (" + rate + "%)", null);
    String auc = Html.number(champion.auc(), 4);
    if (report.aucInterval() != null) {
      auc +=
          " (95% CI "
              + Html.number(report.aucInterval().low(), 4)
              + "–"
              + Html.number(report.aucInterval().high(), 4)
              + ")";
    }
    html.row("AUC", auc, challenger == null ? null : Html.number(challenger.auc(), 4));
    metricRow(html, "PR-AUC", champion, challenger, BinaryMetrics::prAuc);
    metricRow(html, "KS", champion, challenger, BinaryMetrics::ks);
    metricRow(html, "Gini", champion, challenger, m -> 2 * m.auc() - 1);
    metricRow(html, "Log loss", champion, challenger, BinaryMetrics::logLoss);
    metricRow(html, "Brier", champion, challenger, BinaryMetrics::brier);
    metricRow(html, "ECE", champion, challenger, BinaryMetrics::ece);
    metricRow(html, "Top-bin lift", champion, challenger, m -> m.gains().get(0).lift());
    html.row(
        "Threshold",
        Html.number(report.threshold().value(), 4) + " (" + report.threshold().chosenBy() + ")",
        null);
    metricRow(
        html, "Precision at threshold", champion, challenger, m -> m.atThreshold().precision());
    metricRow(html, "Recall at threshold", champion, challenger, m -> m.atThreshold().recall());
    html.append("</table>\n");
  }

  private static void metricRow(
      HtmlPage html,
      String name,
      BinaryMetrics champion,
      BinaryMetrics challenger,
      Function<BinaryMetrics, Double> metric) {
    html.row(
        name,
        Html.number(metric.apply(champion), 4),
        challenger == null ? null : Html.number(metric.apply(challenger), 4));
  }

  private static void gates(HtmlPage html, EvalReport report) {
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

  private static void comparison(HtmlPage html, EvalReport report) {
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

  /** The best depths of the model and, with a challenger, of the challenger below them. */
  private static void economics(HtmlPage html, EvalReport report) {
    if (report.economics() == null) {
      return;
    }
    html.append("<h2>Campaign economics</h2>\n<table class=\"economics\"><tr><th></th>")
        .append("<th>Contacts</th><th>Share</th><th>Responders</th><th>Spend</th>")
        .append("<th>Profit</th><th>ROI</th></tr>\n");
    ChallengerComparison comparison = report.comparison();
    boolean both = comparison != null && comparison.challengerEconomics() != null;
    bestRows(html, both ? CHAMPION + ": " : "", report.economics());
    if (both) {
      bestRows(html, CHALLENGER + ": ", comparison.challengerEconomics());
    }
    html.append("</table>\n");
  }

  private static void bestRows(HtmlPage html, String who, CampaignProfit economics) {
    String most = who.isEmpty() ? "Most profit" : who + "most profit";
    depthRow(html, most, economics.best());
    if (economics.bestWithinBudget() != null) {
      depthRow(html, most + ", budget " + economics.budgetContacts(), economics.bestWithinBudget());
    }
  }

  private static void depthRow(HtmlPage html, String name, ProfitAtDepth at) {
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

  /**
   * The importance charts of the train page, from the bundle's training run: the model's alone, or
   * the model's and the challenger's side by side. Nothing when neither bundle keeps any.
   */
  private static void topColumns(HtmlPage page, EvalReport report) {
    ChallengerComparison comparison = report.comparison();
    TrainingImportance champion = report.topFeatures();
    TrainingImportance challenger = comparison == null ? null : comparison.challengerTopFeatures();
    if (champion == null && challenger == null) {
      return;
    }
    String heading = "Top columns (measured in training, not on this file)";
    if (comparison == null) {
      page.charts(heading, importanceCharts(champion)).append(note(champion));
      return;
    }
    Map<String, String> columns = new LinkedHashMap<>();
    columns.put(CHAMPION + " " + fileName(report.model().path()), column(champion));
    columns.put(CHALLENGER + " " + fileName(comparison.challenger().path()), column(challenger));
    page.columns(heading, columns);
  }

  private static List<SvgChart> importanceCharts(TrainingImportance kept) {
    return ImportanceCharts.of(kept.importance(), kept.modelImportance());
  }

  /** One model's importance charts one above the other, and what they were measured on. */
  private static String column(TrainingImportance kept) {
    if (kept == null) {
      return "<p class=\"note\">Its bundle keeps no column importance (trained by an older"
          + " Precis).</p>\n";
    }
    StringBuilder markup = new StringBuilder();
    importanceCharts(kept).forEach(chart -> markup.append(chart.render()).append('\n'));
    return markup.append(note(kept)).toString();
  }

  /** Where the figures come from, and the training run's own caveat, if any. */
  private static String note(TrainingImportance kept) {
    String caveat = kept.importance().note();
    return "<p class=\"note\">Measured on "
        + Html.escape(kept.measuredOn())
        + " when the model was trained, not recomputed on this file"
        + (caveat == null ? "" : ": " + Html.escape(caveat))
        + ".</p>\n";
  }

  /** The charts of ModelCharts, the challenger overlaid on the model when there is one. */
  static List<SvgChart> charts(EvalReport report) {
    List<ModelCharts.Curves> models = new ArrayList<>();
    models.add(
        new ModelCharts.Curves(
            CHAMPION + " " + fileName(report.model().path()),
            report.metrics(),
            report.roc(),
            report.calibration(),
            report.economics()));
    ChallengerComparison comparison = report.comparison();
    if (comparison != null) {
      models.add(
          new ModelCharts.Curves(
              CHALLENGER + " " + fileName(comparison.challenger().path()),
              comparison.challengerMetrics(),
              comparison.challengerRoc(),
              comparison.challengerCalibration(),
              comparison.challengerEconomics()));
    }
    return ModelCharts.of(models);
  }

  private static String fileName(String path) {
    return path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  }
}
