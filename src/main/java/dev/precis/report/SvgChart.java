package dev.precis.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One inline SVG chart for the HTML reports: a titled plot with labelled, ticked axes, line series
 * (with point markers or dashed), grouped bars or horizontal bars over named rows, and a legend.
 * Each drawn value carries its data value in {@code data-x}/{@code data-y} (or {@code data-value}
 * for a bar), so that what a chart shows can be checked against the JSON report. Only static SVG:
 * no script, no external reference.
 */
final class SvgChart {
  private static final int WIDTH = 520;
  private static final int HEIGHT = 350;
  private static final int LEFT = 64;

  /** The widest left margin a chart with row labels takes; longer labels are cut. */
  private static final int MAX_LEFT = 210;

  /** The most height a row bar's row takes. */
  private static final int ROW_SLOT = 22;

  /** Legend columns are this wide; a longer entry takes a row of its own. */
  private static final int LEGEND_COLUMN = 230;

  private static final int RIGHT = 16;
  private static final int TOP = 36;
  private static final int BOTTOM = 84;
  private static final String[] COLOURS = {"#1f5fa8", "#d9730d", "#2e8b57", "#888888"};

  private final String title;
  private final String xLabel;
  private final String yLabel;
  private double xMin;
  private double xMax;
  private double yMin;
  private double yMax;
  private final List<String> marks = new ArrayList<>();
  private final List<Key> legend = new ArrayList<>();
  private List<String> categories;
  private List<String> rows;
  private int left = LEFT;

  /** The plot's bottom edge, where the x axis is drawn: higher for a few row bars. */
  private int bottom = HEIGHT - BOTTOM;

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
    legend.add(new Key(name, colour, reference, points.size() == 1));
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
        double x = left + slot * c + slot * 0.1 + barWidth * s;
        double top = y(Math.max(v, 0));
        marks.add(
            String.format(
                Locale.ROOT,
                "<rect data-series=\"%s\" data-category=\"%s\" data-value=\"%s\" x=\"%s\" y=\"%s\""
                    + " width=\"%s\" height=\"%s\" fill=\"%s\"><title>%s %s: %s</title></rect>",
                Html.escape(names.get(s)),
                Html.escape(categories.get(c)),
                v,
                num(x),
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
                  num(x + barWidth / 2),
                  num(top - 4),
                  Html.number(v, 2)));
        }
      }
      legend.add(new Key(names.get(s), s, false, false));
    }
    return this;
  }

  /**
   * Horizontal bars, one per named row, top to bottom in the given order, each with its value
   * written beside it. The x range is set to cover the values; the left margin widens to fit the
   * row names.
   */
  SvgChart rowBars(String name, List<String> names, double[] values) {
    this.rows = names;
    int longest = names.stream().mapToInt(String::length).max().orElse(0);
    left = (int) Math.min(MAX_LEFT, Math.max(LEFT, 14 + 6.2 * longest));
    xMin = 0;
    xMax = 0;
    for (double v : values) {
      xMin = Math.min(xMin, v);
      xMax = Math.max(xMax, v);
    }
    if (xMax == xMin) {
      xMax = xMin + 1;
    }
    // room for the value written at the end of the longest bar
    double span = xMax - xMin;
    xMax += span * 0.14;
    xMin -= xMin < 0 ? span * 0.14 : 0;
    // a bar is at most ROW_SLOT high: a few rows make a short chart, not thick bars
    bottom = TOP + Math.min(HEIGHT - BOTTOM - TOP, ROW_SLOT * names.size());
    double slot = (bottom - TOP) / (double) names.size();
    for (int r = 0; r < names.size(); r++) {
      double v = values[r];
      double top = TOP + slot * r + slot * 0.15;
      double start = x(Math.min(v, 0));
      double end = x(Math.max(v, 0));
      marks.add(
          String.format(
              Locale.ROOT,
              "<rect data-series=\"%s\" data-category=\"%s\" data-value=\"%s\" x=\"%s\""
                  + " y=\"%s\" width=\"%s\" height=\"%s\" fill=\"%s\"><title>%s: %s</title></rect>",
              Html.escape(name),
              Html.escape(names.get(r)),
              v,
              num(start),
              num(top),
              num(end - start),
              num(slot * 0.7),
              COLOURS[0],
              Html.escape(names.get(r)),
              Html.tick(v)));
      marks.add(
          text(
              v < 0 ? start - 4 : end + 4,
              top + slot * 0.35 + 3.5,
              v < 0 ? "end" : "start",
              "value",
              Html.tick(v)));
    }
    legend.add(new Key(name, 0, false, false));
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
    legend.add(new Key(name, 3, false, false));
    return this;
  }

  /** The chart as an inline {@code <svg>} element. */
  String render() {
    int longest = legend.stream().mapToInt(Key::width).max().orElse(0);
    int perRow = longest <= LEGEND_COLUMN ? 2 : 1;
    int legendRows = (legend.size() + perRow - 1) / perRow;
    int height = bottom + 54 + 16 * (legendRows - 1) + 12;
    StringBuilder svg = new StringBuilder();
    svg.append(
            String.format(
                Locale.ROOT,
                "<svg class=\"chart\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">",
                WIDTH,
                height,
                Html.escape(title)))
        .append("<title>")
        .append(Html.escape(title))
        .append("</title>");
    svg.append(text(WIDTH / 2.0, 20, "middle", "chart-title", title));
    axes(svg);
    marks.forEach(svg::append);
    // the legend rows sit under the x axis label, two entries a row when they are short enough
    for (int i = 0; i < legend.size(); i++) {
      svg.append("<g transform=\"translate(")
          .append(LEFT + LEGEND_COLUMN * (i % perRow))
          .append(',')
          .append(bottom + 54 + 16 * (i / perRow))
          .append(")\">")
          .append(legend.get(i).entry())
          .append("</g>");
    }
    return svg.append("</svg>").toString();
  }

  private void axes(StringBuilder svg) {
    svg.append(
        String.format(
            Locale.ROOT,
            "<g class=\"axes\"><line x1=\"%d\" y1=\"%s\" x2=\"%d\" y2=\"%s\"/>"
                + "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%s\"/></g>",
            left,
            num(bottom),
            WIDTH - RIGHT,
            num(bottom),
            left,
            TOP,
            left,
            num(bottom)));
    if (rows != null) {
      double slot = (bottom - TOP) / (double) rows.size();
      for (double t : ticks(xMin, xMax)) {
        svg.append(
            String.format(
                Locale.ROOT,
                "<line class=\"grid\" x1=\"%s\" y1=\"%d\" x2=\"%s\" y2=\"%s\"/>",
                num(x(t)),
                TOP,
                num(x(t)),
                num(bottom)));
      }
      for (int r = 0; r < rows.size(); r++) {
        svg.append(text(left - 6, TOP + slot * (r + 0.5) + 4, "end", "tick", cut(rows.get(r))));
      }
    } else {
      for (double t : ticks(yMin, yMax)) {
        svg.append(
            String.format(
                Locale.ROOT,
                "<line class=\"grid\" x1=\"%d\" y1=\"%s\" x2=\"%d\" y2=\"%s\"/>",
                left,
                num(y(t)),
                WIDTH - RIGHT,
                num(y(t))));
        svg.append(text(left - 6, y(t) + 4, "end", "tick", Html.tick(t)));
      }
    }
    if (categories != null) {
      double slot = plotWidth() / categories.size();
      for (int c = 0; c < categories.size(); c++) {
        svg.append(text(left + slot * (c + 0.5), bottom + 16, "middle", "tick", categories.get(c)));
      }
    } else {
      for (double t : ticks(xMin, xMax)) {
        svg.append(text(x(t), bottom + 16, "middle", "tick", Html.tick(t)));
      }
    }
    svg.append(text(left + plotWidth() / 2, bottom + 34, "middle", "axis-label", xLabel));
    if (rows != null) {
      // row names stand where a y axis's ticks would; their label sits under them
      svg.append(text(left - 6, bottom + 34, "end", "axis-label", yLabel));
    } else {
      svg.append(
          String.format(
              Locale.ROOT,
              "<text class=\"axis-label\" text-anchor=\"middle\" transform=\"translate(16,%s)"
                  + " rotate(-90)\">%s</text>",
              num(TOP + (bottom - TOP) / 2),
              Html.escape(yLabel)));
    }
  }

  /** A row name that fits the widest margin; the full name stays in the bar's tooltip. */
  private static String cut(String name) {
    int most = (int) ((MAX_LEFT - 14) / 6.2);
    return name.length() <= most ? name : name.substring(0, most - 1) + "…";
  }

  /**
   * A legend entry: a sample in the series' colour and style (a dot for a single point), and its
   * name.
   */
  private record Key(String name, int colour, boolean reference, boolean point) {
    /** About how wide the entry draws, at the legend's font size. */
    int width() {
      return 28 + (int) Math.ceil(6.2 * name.length());
    }

    String entry() {
      if (point) {
        return String.format(
            Locale.ROOT,
            "<circle cx=\"11\" cy=\"-4\" r=\"5\" fill=\"%s\"/>"
                + "<text class=\"legend\" x=\"28\" y=\"0\">%s</text>",
            COLOURS[colour],
            Html.escape(name));
      }
      return String.format(
          Locale.ROOT,
          "<line x1=\"0\" y1=\"-4\" x2=\"22\" y2=\"-4\" stroke=\"%s\" stroke-width=\"%s\"%s/>"
              + "<text class=\"legend\" x=\"28\" y=\"0\">%s</text>",
          COLOURS[colour],
          reference ? "1.2" : "6",
          reference ? " stroke-dasharray=\"5 4\"" : "",
          Html.escape(name));
    }
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
    return WIDTH - left - RIGHT;
  }

  /** Pixel x of a data x, or of a category position when the chart has bars. */
  private double x(double value) {
    if (categories != null) {
      double slot = plotWidth() / categories.size();
      return left + slot * (value + 0.5);
    }
    return left + (value - xMin) / (xMax - xMin) * plotWidth();
  }

  private double y(double value) {
    return bottom - (value - yMin) / (yMax - yMin) * (bottom - TOP);
  }

  private static String num(double pixels) {
    return String.format(Locale.ROOT, "%.1f", pixels);
  }
}
