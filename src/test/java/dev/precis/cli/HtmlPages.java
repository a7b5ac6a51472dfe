package dev.precis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the pages train --html and eval --html write, as their tests check them. */
final class HtmlPages {
  /** The charts of a scored part that every page opens with, by title, in order. */
  private static final List<String> SCORE_CHARTS =
      List.of(
          "ROC curve",
          "Precision-recall curve",
          "Cumulative gains",
          "Lift by score bin",
          "Calibration");

  private HtmlPages() {}

  /**
   * Trains the two bank models the eval page tests compare: logistic as {@code model}, a tree as
   * {@code challenger}, each with its train report beside it.
   */
  static void trainModelAndChallenger(java.nio.file.Path model, java.nio.file.Path challenger) {
    String data = BankData.CSV.toString();
    CliRun run = CliRun.train(data, model.toString(), "--positive", "yes", "--quiet");
    assertEquals(0, run.exitCode(), run.transcript());
    run =
        CliRun.train(
            data, challenger.toString(), "--positive", "yes", "--model", "tree", "--quiet");
    assertEquals(0, run.exitCode(), run.transcript());
  }

  /** The titles a page's charts should have: the scored part's, then {@code more}. */
  static List<String> scoreChartsThen(String... more) {
    List<String> titles = new ArrayList<>(SCORE_CHARTS);
    titles.addAll(List.of(more));
    return titles;
  }

  /** Asserts that the page needs nothing from outside it: no script, link, image or URL. */
  static void assertSelfContained(String html) {
    assertFalse(html.contains("<script"), "no script");
    assertFalse(html.contains("http://") || html.contains("https://"), "no network reference");
    assertFalse(html.contains("<link") || html.contains("<img"), "nothing external");
  }

  /** Every element of a tag, start to end tag, in document order. */
  static List<String> elements(String html, String tag) {
    List<String> found = new ArrayList<>();
    Matcher m = Pattern.compile("<" + tag + "[ >].*?</" + tag + ">", Pattern.DOTALL).matcher(html);
    while (m.find()) {
      found.add(m.group());
    }
    return found;
  }

  /** Each chart's title, asserting that it has labelled axes and a legend. */
  static List<String> titlesOfLabelledCharts(List<String> svgs) {
    List<String> titles = new ArrayList<>();
    for (String svg : svgs) {
      Matcher title = Pattern.compile("<title>([^<]+)</title>").matcher(svg);
      assertTrue(title.find(), svg);
      titles.add(title.group(1));
      assertTrue(
          Pattern.compile("class=\"axis-label\"").matcher(svg).results().count() == 2,
          "an x and a y axis label: " + title.group(1));
      assertTrue(svg.contains("class=\"legend\""), "a legend: " + title.group(1));
    }
    return titles;
  }

  /** The attribute's values on a chart's marks, in document order. */
  static List<Double> values(String svg, String attribute) {
    return strings(svg, attribute).stream().map(Double::parseDouble).toList();
  }

  /** The values of the attribute on the marks of one series of a chart, in document order. */
  static List<Double> values(String svg, String series, String attribute) {
    List<Double> found = new ArrayList<>();
    Matcher m =
        Pattern.compile(
                "<(?:circle|rect) data-series=\""
                    + Pattern.quote(series)
                    + "\"[^>]* "
                    + attribute
                    + "=\"([^\"]+)\"")
            .matcher(svg);
    while (m.find()) {
      found.add(Double.parseDouble(m.group(1)));
    }
    return found;
  }

  /** The attribute's values, as written. */
  static List<String> strings(String svg, String attribute) {
    List<String> found = new ArrayList<>();
    Matcher m = Pattern.compile(" " + attribute + "=\"([^\"]+)\"").matcher(svg);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  /** The number of points of the solid line whose series name starts with the prefix; -1: none. */
  static int linePoints(String svg, String seriesPrefix) {
    Matcher line =
        Pattern.compile(
                "<polyline[^>]*data-series=\""
                    + Pattern.quote(seriesPrefix)
                    + "[^\"]*\"[^>]*stroke-width=\"2\" points=\"([^\"]+)\"")
            .matcher(svg);
    return line.find() ? line.group(1).split(" ").length : -1;
  }

  /**
   * Asserts that an importance chart's bars are the first 15 columns of a report's list, in its
   * order, with its values of {@code field}.
   */
  static void assertBars(String svg, JsonNode columns, String field) {
    List<String> names = strings(svg, "data-category");
    List<Double> values = values(svg, "data-value");
    assertEquals(Math.min(15, columns.size()), names.size());
    for (int i = 0; i < names.size(); i++) {
      assertEquals(columns.get(i).path("column").asText(), names.get(i));
      assertEquals(columns.get(i).path(field).asDouble(), values.get(i), 0.0);
    }
  }
}
