package dev.precis.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One inline SVG chart for the HTML report: a titled plot with labelled, ticked axes, line series
 * (with point markers or dashed) and grouped bars, and a legend. Each drawn value carries its data
 * value in {@code data-x}/{@code data-y} (or {@code data-value} for a bar), so that what a chart
 * shows can be checked against the JSON report. Only static SVG: no script, no external reference.
 */
final class SvgChart {
  private static final int WIDTH = 520;
  private static final int HEIGHT = 350;
  private static final int LEFT = 64;
  private static final int RIGHT = 16;
  private static final int TOP = 36;
  private static final int BOTTOM = 84;
  private static final String[] COLOURS = {"#1f5fa8", "#d9730d", "#2e8b57", "#888888"};

  private final String title;
  private final String xLabel;
  private final String yLabel;
  private final double xMin;
  private final double xMax;
  private double yMin;
  private double yMax;
  private final List<String> marks = new ArrayList<>();
  private final List<String> legend = new ArrayList<>();
  private List<String> categories;

  /** A chart over x in [xMin, xMax] and y in [yMin, yMax]; the y range widens to fit bars. */
  SvgChart(
      String title,
      String xLabel,
      String yLabel,
      double xMin,
      double xMax,
      double yMin,
      double yMax) {
    this.title = title;
    this.xLabel = xLabel;
    this.yLabel = yLabel;
    this.xMin = xMin;
    this.xMax = xMax;
    this.yMin = yMin;
    this.yMax = yMax;
  }

  /** A line through the points ({x, y} pairs), solid with markers, or dashed for a reference. */
  SvgChart line(String name, List<double[]> points, int colour, boolean reference) {
    StringBuilder path = new StringBuilder();
    for (double[] p : points) {
      path.append(path.isEmpty() ? "" : " ").append(num(x(p[0]))).append(',').append(num(y(p[1])));
    }
    String style =
        reference ? " stroke-dasharray=\"5 4\" stroke-width=\"1.2\"" : " stroke-width=\"2\"";
    marks.add(
        "<polyline class=\"series\" data-series=\""
            + Html.escape(name)
            + "\" fill=\"none\" stroke=\""
            + COLOURS[colour]
            + "\""
            + style
            + " points=\""
            + path
            + "\"/>");
    if (!reference && points.size() <= 40) {
      for (double[] p : points) {
        marks.add(
            String.format(
                Locale.ROOT,
                "<circle data-series=\"%s\" data-x=\"%s\" data-y=\"%s\" cx=\"%s\" cy=\"%s\""
                    + " r=\"%d\" fill=\"%s\"/>",
                Html.escape(name),
                p[0],
                p[1],
                num(x(p[0])),
                num(y(p[1])),
                points.size() == 1 ? 5 : 3,
                COLOURS[colour]));
      }
    }
    legend.add(legendEntry(name, colour, reference));
    return this;
  }

  /**
   * Bars over named categories, one group per category, one colour per series. Call it before any
   * line: the chart then places x by category position 0..n-1 (a line is a reference level, say).
   */
  SvgChart bars(List<String> names, List<String> categories, List<double[]> values) {
    this.categories = categories;
    for (double[] series : values) {
      for (double v : series) {
        yMax = Math.max(yMax, v);
        yMin = Math.min(yMin, v);
      }
    }
    // headroom for the value labels over the tallest bar
    yMax *= 1.08;
    double slot = plotWidth() / categories.size();
    double barWidth = slot * 0.8 / values.size();
    for (int s = 0; s < values.size(); s++) {
      for (int c = 0; c < categories.size(); c++) {
        double v = values.get(s)[c];
        double left = LEFT + slot * c + slot * 0.1 + barWidth * s;
        double top = y(Math.max(v, 0));
        marks.add(
            String.format(
                Locale.ROOT,
                "<rect data-series=\"%s\" data-category=\"%s\" data-value=\"%s\" x=\"%s\" y=\"%s\""
                    + " width=\"%s\" height=\"%s\" fill=\"%s\"><title>%s %s: %s</title></rect>",
                Html.escape(names.get(s)),
                Html.escape(categories.get(c)),
                v,
                num(left),
                num(top),
                num(barWidth),
                num(Math.abs(y(v) - y(0))),
                COLOURS[s],
                Html.escape(names.get(s)),
                Html.escape(categories.get(c)),
                Html.number(v, 2)));
        if (values.size() == 1) {
          marks.add(
              String.format(
                  Locale.ROOT,
                  "<text class=\"value\" x=\"%s\" y=\"%s\" text-anchor=\"middle\">%s</text>",
                  num(left + barWidth / 2),
                  num(top - 4),
                  Html.number(v, 2)));
        }
      }
      legend.add(legendEntry(names.get(s), s, false));
    }
    return this;
  }

  /**
   * Interval whiskers over the bars of a one-series bar chart, from low[c] to high[c] at category
   * c's centre, with caps; NaN ends draw none. Call it after {@link #bars}, on a chart whose y
   * range (given to the constructor) already covers every interval.
   */
  SvgChart whiskers(String name, double[] low, double[] high) {
    for (int c = 0; c < low.length; c++) {
      if (Double.isNaN(low[c]) || Double.isNaN(high[c])) {
        continue;
      }
      double centre = x(c);
      marks.add(
          String.format(
              Locale.ROOT,
              "<g class=\"whisker\" data-category=\"%s\" data-low=\"%s\" data-high=\"%s\""
                  + " stroke=\"%s\" stroke-width=\"1.2\"><line x1=\"%s\" y1=\"%s\" x2=\"%s\""
                  + " y2=\"%s\"/><line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\"/>"
                  + "<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\"/></g>",
              Html.escape(categories.get(c)),
              low[c],
              high[c],
              COLOURS[3],
              num(centre),
              num(y(low[c])),
              num(centre),
              num(y(high[c])),
              num(centre - 4),
              num(y(low[c])),
              num(centre + 4),
              num(y(low[c])),
              num(centre - 4),
              num(y(high[c])),
              num(centre + 4),
              num(y(high[c]))));
    }
    legend.add(legendEntry(name, 3, false));
    return this;
  }

  /** The chart as an inline {@code <svg>} element. */
  String render() {
    StringBuilder svg = new StringBuilder();
    svg.append(
            String.format(
                Locale.ROOT,
                "<svg class=\"chart\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">",
                WIDTH,
                HEIGHT,
                Html.escape(title)))
        .append("<title>")
        .append(Html.escape(title))
        .append("</title>");
    svg.append(text(WIDTH / 2.0, 20, "middle", "chart-title", title));
    axes(svg);
    marks.forEach(svg::append);
    // the legend rows sit under the x axis label, two entries a row
    for (int i = 0; i < legend.size(); i++) {
      svg.append("<g transform=\"translate(")
          .append(LEFT + 220 * (i % 2))
          .append(',')
          .append(HEIGHT - BOTTOM + 54 + 16 * (i / 2))
          .append(")\">")
          .append(legend.get(i))
          .append("</g>");
    }
    return svg.append("</svg>").toString();
  }

  private void axes(StringBuilder svg) {
    double bottom = HEIGHT - BOTTOM;
    svg.append(
        String.format(
            Locale.ROOT,
            "<g class=\"axes\"><line x1=\"%d\" y1=\"%s\" x2=\"%d\" y2=\"%s\"/>"
                + "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%s\"/></g>",
            LEFT,
            num(bottom),
            WIDTH - RIGHT,
            num(bottom),
            LEFT,
            TOP,
            LEFT,
            num(bottom)));
    for (double t : ticks(yMin, yMax)) {
      svg.append(
          String.format(
              Locale.ROOT,
              "<line class=\"grid\" x1=\"%d\" y1=\"%s\" x2=\"%d\" y2=\"%s\"/>",
              LEFT,
              num(y(t)),
              WIDTH - RIGHT,
              num(y(t))));
      svg.append(text(LEFT - 6, y(t) + 4, "end", "tick", Html.tick(t)));
    }
    if (categories != null) {
      double slot = plotWidth() / categories.size();
      for (int c = 0; c < categories.size(); c++) {
        svg.append(text(LEFT + slot * (c + 0.5), bottom + 16, "middle", "tick", categories.get(c)));
      }
    } else {
      for (double t : ticks(xMin, xMax)) {
        svg.append(text(x(t), bottom + 16, "middle", "tick", Html.tick(t)));
      }
    }
    svg.append(text(LEFT + plotWidth() / 2, bottom + 34, "middle", "axis-label", xLabel));
    svg.append(
        String.format(
            Locale.ROOT,
            "<text class=\"axis-label\" text-anchor=\"middle\" transform=\"translate(16,%s)"
                + " rotate(-90)\">%s</text>",
            num(TOP + (bottom - TOP) / 2),
            Html.escape(yLabel)));
  }

  private static String legendEntry(String name, int colour, boolean reference) {
    return String.format(
        Locale.ROOT,
        "<line x1=\"0\" y1=\"-4\" x2=\"22\" y2=\"-4\" stroke=\"%s\" stroke-width=\"%s\"%s/>"
            + "<text class=\"legend\" x=\"28\" y=\"0\">%s</text>",
        COLOURS[colour],
        reference ? "1.2" : "6",
        reference ? " stroke-dasharray=\"5 4\"" : "",
        Html.escape(name));
  }

  private static String text(double x, double y, String anchor, String css, String content) {
    return String.format(
        Locale.ROOT,
        "<text class=\"%s\" x=\"%s\" y=\"%s\" text-anchor=\"%s\">%s</text>",
        css,
        num(x),
        num(y),
        anchor,
        Html.escape(content));
  }

  /** About five round tick values covering [low, high]. */
  private static List<Double> ticks(double low, double high) {
    double raw = (high - low) / 5;
    double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    double step = magnitude;
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      if (raw <= m * magnitude) {
        step = m * magnitude;
        break;
      }
    }
    List<Double> ticks = new ArrayList<>();
    for (double t = Math.ceil(low / step) * step; t <= high + step * 1e-9; t += step) {
      ticks.add(Math.abs(t) < step * 1e-9 ? 0 : t);
    }
    return ticks;
  }

  private double plotWidth() {
    return WIDTH - LEFT - RIGHT;
  }

  /** Pixel x of a data x, or of a category position when the chart has bars. */
  private double x(double value) {
    if (categories != null) {
      double slot = plotWidth() / categories.size();
      return LEFT + slot * (value + 0.5);
    }
    return LEFT + (value - xMin) / (xMax - xMin) * plotWidth();
  }

  private double y(double value) {
    double bottom = HEIGHT - BOTTOM;
    return bottom - (value - yMin) / (yMax - yMin) * (bottom - TOP);
  }

  private static String num(double pixels) {
    return String.format(Locale.ROOT, "%.1f", pixels);
  }
}
