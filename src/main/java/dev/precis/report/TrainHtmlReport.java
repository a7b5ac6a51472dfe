package dev.precis.report;

import dev.precis.eval.BinaryMetrics;
import dev.precis.io.OutputFile;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The train report as one self-contained HTML page (train --html): what was trained and how, the
 * metrics of each part of the split, the charts of the validation rows (ROC, precision-recall,
 * gains, lift, calibration), the columns the model relies on most as bar charts, and a text model's
 * weightiest terms. Read from the {@link TrainReport} alone, so the page shows the numbers of the
 * JSON report, with the page shell and charts of the eval page ({@link HtmlReport}).
 */
public final class TrainHtmlReport {
  private TrainHtmlReport() {}

  /** Writes the page, as any output is written (see {@link OutputFile}). */
  public static void write(OutputFile target, TrainReport report) {
    HtmlPage.write(target, of(report));
  }

  /** The page. */
  public static String of(TrainReport report) {
    HtmlPage page = new HtmlPage("Model training", "training", report.model(), report.about());
    summary(page, report);
    parts(page, report.metrics());
    PartCurves curves = report.curves();
    if (curves != null) {
      BinaryMetrics metrics = report.metrics().get(curves.part());
      page.charts(
          "Charts (" + Html.rows(curves.part()) + ")",
          ModelCharts.of(
              List.of(
                  new ModelCharts.Curves(
                      report.modelType(), metrics, curves.roc(), curves.calibration(), null))));
    }
    List<SvgChart> importance = ImportanceCharts.of(report.importance(), report.modelImportance());
    if (!importance.isEmpty()) {
      page.charts("Top columns", importance);
    }
    if (report.importance().note() != null) {
      page.append("<p class=\"note\">" + Html.escape(report.importance().note()) + "</p>\n");
    }
    report.terms().forEach(column -> terms(page, column));
    warnings(page, report.warnings());
    return page.end();
  }

  private static void summary(HtmlPage page, TrainReport report) {
    // one value a row, of any length: read left aligned, beside its name
    page.append("<h2>Summary</h2>\n<table class=\"summary facts\">\n");
    page.pathRow("Data", report.data().path(), null);
    page.pathRow("Model bundle", report.model(), null);
    page.row("Family", report.modelType(), null);
    page.row("Parameters", pairs(report.config().model().params()), null);
    if (!report.fit().isEmpty()) {
      page.row("Fit", pairs(report.fit()), null);
    }
    page.row("Encoded features", Html.count(report.features()), null);
    page.row("Calibration", calibration(report.calibration()), null);
    page.row("Seed", String.valueOf(report.seed()), null);
    Double total = report.timingsSeconds().get("total");
    Double fit = report.timingsSeconds().get("fit");
    if (total != null) {
      page.row(
          "Time",
          Html.number(total, 1)
              + " s"
              + (fit == null ? "" : " (fit " + Html.number(fit, 1) + " s)"),
          null);
    }
    page.append("</table>\n");
  }

  /** key=value, key=value: a map read as one line of the summary. */
  private static String pairs(Map<String, ?> values) {
    return values.isEmpty()
        ? "defaults"
        : values.entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(", "));
  }

  private static String calibration(CalibrationSummary calibration) {
    if (calibration.before() == null || calibration.after() == null) {
      return calibration.method() + " (model.calibration: " + calibration.setting() + ")";
    }
    return calibration.method()
        + " on "
        + Html.count(calibration.rows())
        + " validation rows: log loss "
        + Html.number(calibration.before().logLoss(), 4)
        + " → "
        + Html.number(calibration.after().logLoss(), 4)
        + ", ECE "
        + Html.number(calibration.before().ece(), 4)
        + " → "
        + Html.number(calibration.after().ece(), 4);
  }

  private static void parts(HtmlPage page, Map<String, BinaryMetrics> metrics) {
    page.append(
        "<h2>Metrics by part of the split</h2>\n<table class=\"parts\"><tr><th>Part</th>"
            + "<th>Rows</th><th>Positives</th><th>AUC</th><th>PR-AUC</th><th>KS</th>"
            + "<th>Log loss</th><th>Brier</th><th>ECE</th><th>Top-bin lift</th></tr>\n");
    metrics.forEach(
        (part, m) -> {
          StringBuilder row = new StringBuilder("<tr><td>").append(Html.escape(part));
          for (String cell :
              List.of(
                  Html.count(m.rows()),
                  Html.count(m.positives()),
                  Html.number(m.auc(), 4),
                  Html.number(m.prAuc(), 4),
                  Html.number(m.ks(), 4),
                  Html.number(m.logLoss(), 4),
                  Html.number(m.brier(), 4),
                  Html.number(m.ece(), 4),
                  Html.number(m.gains().get(0).lift(), 2))) {
            row.append("</td><td>").append(cell);
          }
          page.append(row.append("</td></tr>\n").toString());
        });
    page.append("</table>\n");
  }

  private static void terms(HtmlPage page, TermWeights column) {
    page.append(
        "<h2>Terms of "
            + Html.escape(column.column())
            + "</h2>\n<table class=\"terms\"><tr><th>Towards a response</th><th>Weight</th>"
            + "<th>Away from a response</th><th>Weight</th></tr>\n");
    int rows = Math.max(column.positive().size(), column.negative().size());
    for (int i = 0; i < rows; i++) {
      page.append("<tr>" + term(column.positive(), i) + term(column.negative(), i) + "</tr>\n");
    }
    page.append("</table>\n");
  }

  private static String term(List<TermWeights.Term> terms, int i) {
    if (i >= terms.size()) {
      return "<td></td><td></td>";
    }
    return "<td class=\"text\">"
        + Html.escape(terms.get(i).term())
        + "</td><td>"
        + Html.number(terms.get(i).weight(), 4)
        + "</td>";
  }

  private static void warnings(HtmlPage page, List<String> warnings) {
    if (warnings.isEmpty()) {
      return;
    }
    page.append("<h2>Warnings</h2>\n<ul>\n");
    warnings.forEach(w -> page.append("<li>" + Html.escape(w) + "</li>\n"));
    page.append("</ul>\n");
  }
}
