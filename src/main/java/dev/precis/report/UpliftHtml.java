package dev.precis.report;

import dev.precis.eval.UpliftBin;
import dev.precis.eval.UpliftMetrics;
import dev.precis.eval.UpliftPoint;
import dev.precis.eval.UpliftVerdict;
import java.util.ArrayList;
import java.util.List;

/**
 * The uplift section of the HTML eval report, read from an {@link UpliftMetrics} alone: the metrics
 * with the random-order band and its verdict beside the Qini AUC, the table by decile, and SVG
 * charts of the Qini curve against random order and of the uplift by decile with its intervals. It
 * uses the page's styles ({@link HtmlReport}).
 */
public final class UpliftHtml {
  private UpliftHtml() {}

  /** The section: a heading, two tables and a charts block. */
  public static String section(UpliftMetrics m) {
    return section(m, null);
  }

  /**
   * The section, with a challenger's Qini curve drawn over the model's.
   *
   * @param challenger the challenger's metrics on the same rows, or null
   */
  public static String section(UpliftMetrics m, UpliftMetrics challenger) {
    StringBuilder html = new StringBuilder("<h2>Uplift: ");
    html.append(verdict(m.verdict())).append("</h2>\n<table class=\"uplift\">\n");
    row(html, "Rows", Html.count(m.rows()));
    row(html, "Treated", arm(m.treatedRows(), m.treatedResponders()));
    row(html, "Control", arm(m.controlRows(), m.controlResponders()));
    row(html, "Average uplift (treat everyone)", UpliftSummary.signed(m.averageUplift()));
    row(
        html,
        "Qini AUC",
        Html.number(m.qiniAuc(), 4)
            + " (random order: "
            + Html.number(m.randomBand().low(), 4)
            + " to "
            + Html.number(m.randomBand().high(), 4)
            + ", p "
            + Html.number(m.randomBand().pValue(), 3)
            + ")");
    row(html, "Uplift AUC (AUUC)", Html.number(m.upliftAuc(), 4));
    String k = Html.number(100 * m.upliftAtK().k(), 0) + "%";
    row(html, "Uplift at top " + k, UpliftSummary.signed(m.upliftAtK().overall(), "–"));
    row(
        html,
        "Uplift at top " + k + " of each arm",
        UpliftSummary.signed(m.upliftAtK().byGroup(), "–"));
    html.append("</table>\n<p>").append(Html.escape(UpliftSummary.meaning(m))).append("</p>\n");
    deciles(html, m.byDecile());
    html.append("<div class=\"charts\">\n");
    for (SvgChart chart : charts(m, challenger, false)) {
      html.append(chart.render()).append('\n');
    }
    return html.append("</div>\n").toString();
  }

  private static String verdict(UpliftVerdict verdict) {
    String css = verdict == UpliftVerdict.ABOVE_RANDOM ? "pass" : "fail";
    return "<span class=\"" + css + "\">" + Html.escape(verdict.text()) + "</span>";
  }

  private static String arm(long rows, long responders) {
    return Html.count(rows)
        + " rows, "
        + Html.count(responders)
        + " responded ("
        + Html.number(100.0 * responders / rows, 2)
        + "%)";
  }

  private static void row(StringBuilder html, String name, String value) {
    html.append("<tr><th>")
        .append(Html.escape(name))
        .append("</th><td>")
        .append(Html.escape(value))
        .append("</td></tr>\n");
  }

  private static void deciles(StringBuilder html, List<UpliftBin> bins) {
    html.append("<table class=\"uplift-deciles\"><tr><th>Bin</th><th>Treated</th>")
        .append("<th>Control</th><th>Treated rate</th><th>Control rate</th><th>Uplift</th>")
        .append("<th>95% interval</th></tr>\n");
    for (UpliftBin b : bins) {
      html.append("<tr><td>")
          .append(b.bin())
          .append("</td><td>")
          .append(Html.count(b.treatedRows()))
          .append("</td><td>")
          .append(Html.count(b.controlRows()))
          .append("</td><td>")
          .append(percentOrDash(b.treatedRate()))
          .append("</td><td>")
          .append(percentOrDash(b.controlRate()))
          .append("</td><td>")
          .append(UpliftSummary.signed(b.uplift(), "–"))
          .append("</td><td>")
          .append(
              b.low() == null
                  ? "–"
                  : UpliftSummary.signed(b.low()) + " to " + UpliftSummary.signed(b.high()))
          .append("</td></tr>\n");
    }
    html.append("</table>\n");
  }

  /**
   * The Qini curve against random order's line (and the perfect order's curve, whose peak often
   * dwarfs a real model's), and the uplift by decile with its intervals and the average uplift.
   */
  static List<SvgChart> charts(UpliftMetrics m, boolean withPerfect) {
    return charts(m, null, withPerfect);
  }

  /**
   * @param challenger a challenger's metrics on the same rows, whose Qini curve is drawn too; or
   *     null
   */
  static List<SvgChart> charts(UpliftMetrics m, UpliftMetrics challenger, boolean withPerfect) {
    List<double[]> model = share(m.qiniCurve(), m.rows());
    List<double[]> perfect = share(m.perfectQiniCurve(), m.rows());
    List<double[]> rival = challenger == null ? null : share(challenger.qiniCurve(), m.rows());
    double end = model.get(model.size() - 1)[1];
    List<double[]> all = new ArrayList<>(model);
    if (withPerfect) {
      all.addAll(perfect);
    }
    if (rival != null) {
      all.addAll(rival);
    }
    double low = Math.min(0, all.stream().mapToDouble(p -> p[1]).min().orElse(0));
    double high = Math.max(0, all.stream().mapToDouble(p -> p[1]).max().orElse(0));
    double pad = (high - low) * 0.05 + 1e-9;
    SvgChart qini =
        new SvgChart(
                "Qini curve",
                "Share of rows targeted, highest uplift first",
                "Responders added by the treatment",
                0,
                1,
                low - pad,
                high + pad)
            .line("random order", List.of(new double[] {0, 0}, new double[] {1, end}), 3, true);
    if (withPerfect) {
      qini.line("perfect order", perfect, 2, true);
    }
    qini.line("model (Qini AUC " + Html.number(m.qiniAuc(), 3) + ")", model, 0, false);
    if (rival != null) {
      qini.line(
          "challenger (Qini AUC " + Html.number(challenger.qiniAuc(), 3) + ")", rival, 1, false);
    }

    List<UpliftBin> bins = m.byDecile();
    double[] uplift = bins.stream().mapToDouble(b -> orNaN(b.uplift())).toArray();
    double[] lows = bins.stream().mapToDouble(b -> orNaN(b.low())).toArray();
    double[] highs = bins.stream().mapToDouble(b -> orNaN(b.high())).toArray();
    double bottom = Math.min(0, m.averageUplift());
    double top = Math.max(0, m.averageUplift());
    for (UpliftBin b : bins) {
      if (b.low() != null) {
        bottom = Math.min(bottom, b.low());
        top = Math.max(top, b.high());
      }
    }
    double margin = (top - bottom) * 0.05;
    double[] bars = bins.stream().mapToDouble(b -> b.uplift() == null ? 0 : b.uplift()).toArray();
    SvgChart byDecile =
        new SvgChart(
                "Uplift by bin",
                "Bin of rows, highest uplift score first (" + bins.size() + " bins)",
                "Treated rate − control rate",
                0,
                1,
                bottom - margin,
                top + margin)
            .bars(
                List.of("uplift"),
                bins.stream().map(b -> String.valueOf(b.bin())).toList(),
                List.of(bars))
            .whiskers("95% interval", lows, highs)
            .line(
                "average uplift",
                List.of(
                    new double[] {-0.5, m.averageUplift()},
                    new double[] {bins.size() - 0.5, m.averageUplift()}),
                3,
                true);
    return List.of(qini, byDecile);
  }

  private static List<double[]> share(List<UpliftPoint> curve, long rows) {
    return curve.stream().map(p -> new double[] {(double) p.rows() / rows, p.value()}).toList();
  }

  private static double orNaN(Double value) {
    return value == null ? Double.NaN : value;
  }

  private static String percentOrDash(Double value) {
    return value == null ? "–" : Html.number(100 * value, 2) + "%";
  }
}
