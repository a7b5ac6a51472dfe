package dev.precis.report;

import dev.precis.io.OutputFile;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The page a report's HTML is written into: one self-contained document with its CSS inline, a
 * heading with the report's schema, version and time, and the table rows and chart grid the reports
 * share. Nothing it writes refers outside the page.
 */
final class HtmlPage {
  private static final String STYLE =
      """
      body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;
      max-width:1100px;margin:1.5em auto;padding:0 1em;color:#222;line-height:1.4}
      h1{font-size:1.5em;margin-bottom:.2em}h2{font-size:1.15em;margin-top:1.6em}
      h3{font-size:1em;margin:1em 0 .3em}
      .meta,.note{color:#666;font-size:.9em}
      table{border-collapse:collapse;margin:.5em 0;font-size:.92em}
      th,td{border-bottom:1px solid #ddd;padding:.25em .8em;text-align:right}
      th:first-child,td:first-child{text-align:left}
      th{white-space:nowrap}td.path,td.text,table.facts td{text-align:left}
      td.path{font-family:ui-monospace,Menlo,Consolas,monospace;word-break:break-all}
      .pass{color:#1d7a3a;font-weight:600}.fail{color:#b3261e;font-weight:600}
      .charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(480px,1fr));gap:1em;
      align-items:start}
      svg.chart{width:100%;height:auto;border:1px solid #eee}
      svg text{font-family:inherit;fill:#333}
      .chart-title{font-size:14px;font-weight:600}.tick{font-size:10px;fill:#555}
      .axis-label{font-size:12px}.legend{font-size:11px}.value{font-size:9px}
      .axes line{stroke:#333}.grid{stroke:#e6e6e6}
      @media print{body{max-width:none}.charts{display:block}svg.chart{break-inside:avoid;max-width:15cm}}
      """;

  private final StringBuilder html = new StringBuilder();

  /**
   * A page titled "Precis {what}: {subject}" under the heading, with the report's header below it.
   */
  HtmlPage(String heading, String what, String subject, ReportHeader about) {
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>Precis ")
        .append(what)
        .append(": ")
        .append(Html.escape(subject))
        .append("</title><style>")
        .append(STYLE)
        .append("</style></head><body>\n<h1>")
        .append(heading)
        .append("</h1><p class=\"meta\">")
        .append(Html.escape(about.schema()))
        .append(" · Precis ")
        .append(Html.escape(about.precisVersion()))
        .append(" · ")
        .append(Html.escape(about.createdAt()))
        .append("</p>\n");
  }

  /** Writes the page, as any output is written (see {@link OutputFile}). */
  static void write(OutputFile target, String page) {
    target.write(out -> out.write(page.getBytes(StandardCharsets.UTF_8)));
  }

  /** Markup as it is: the caller escapes what it holds. */
  HtmlPage append(String markup) {
    html.append(markup);
    return this;
  }

  /** A table row: a heading cell, then a value and, when not null, a second value. */
  HtmlPage row(String name, String value, String other) {
    html.append("<tr><th>").append(name).append("</th><td>").append(Html.escape(value));
    html.append("</td>").append(other == null ? "" : "<td>" + Html.escape(other) + "</td>");
    html.append("</tr>\n");
    return this;
  }

  /** A table row of file paths (or other long text), in a typewriter face and left aligned. */
  HtmlPage pathRow(String name, String path, String other) {
    html.append("<tr><th>")
        .append(name)
        .append("</th><td class=\"path\">")
        .append(Html.escape(path))
        .append("</td>")
        .append(other == null ? "" : "<td class=\"path\">" + Html.escape(other) + "</td>")
        .append("</tr>\n");
    return this;
  }

  /** A section of charts under a heading, laid out side by side where the page is wide. */
  HtmlPage charts(String heading, List<SvgChart> charts) {
    html.append("<h2>").append(Html.escape(heading)).append("</h2>\n<div class=\"charts\">\n");
    for (SvgChart chart : charts) {
      html.append(chart.render()).append('\n');
    }
    html.append("</div>\n");
    return this;
  }

  /**
   * A section of columns side by side where the page is wide (one per model, say), each under its
   * name.
   *
   * @param columns each column's markup by its name: the caller escapes what the markup holds
   */
  HtmlPage columns(String heading, Map<String, String> columns) {
    html.append("<h2>").append(Html.escape(heading)).append("</h2>\n<div class=\"charts\">\n");
    columns.forEach(
        (name, markup) ->
            html.append("<div><h3>")
                .append(Html.escape(name))
                .append("</h3>\n")
                .append(markup)
                .append("</div>\n"));
    html.append("</div>\n");
    return this;
  }

  /** The finished page. */
  String end() {
    return html.append("</body></html>\n").toString();
  }
}
