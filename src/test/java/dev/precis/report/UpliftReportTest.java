package dev.precis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.precis.config.Mappers;
import dev.precis.eval.GoldenUplift;
import dev.precis.eval.UpliftBin;
import dev.precis.eval.UpliftMetrics;
import dev.precis.eval.UpliftScores;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The uplift report pieces (JSON section, terminal block, HTML section) on the peer's Hillstrom
 * scores: the two-model logistic regression on visit (above random order) and on conversion (not
 * distinguishable from random order).
 */
class UpliftReportTest {
  private static UpliftMetrics visit;
  private static UpliftMetrics conversion;

  @BeforeAll
  static void score() {
    visit = metrics("t-lr_visit", "visit");
    conversion = metrics("t-lr_conversion", "conversion");
  }

  private static UpliftMetrics metrics(String column, String outcome) {
    return GoldenUplift.read()
        .scored(column, outcome)
        .metrics(UpliftScores.DEFAULT_K, 10, UpliftScores.PERMUTATIONS, 42);
  }

  @Test
  void theJsonSectionHoldsTheMetricsTheBandTheVerdictAndThinnedCurves() throws Exception {
    JsonNode json = Mappers.json().readTree(Mappers.json().writeValueAsString(visit));
    assertEquals(visit.qiniAuc(), json.get("qini_auc").asDouble());
    assertEquals(visit.upliftAuc(), json.get("uplift_auc").asDouble());
    assertEquals(0.3, json.get("uplift_at_k").get("k").asDouble());
    assertEquals(visit.upliftAtK().byGroup(), json.get("uplift_at_k").get("by_group").asDouble());
    assertEquals("above random", json.get("verdict").asText());
    assertEquals(1000, json.get("random_band").get("permutations").asInt());
    assertEquals(visit.randomBand().low(), json.get("random_band").get("low").asDouble());
    assertEquals(10, json.get("by_decile").size());
    JsonNode first = json.get("by_decile").get(0);
    assertEquals(visit.byDecile().get(0).controlRows(), first.get("control_rows").asLong());
    assertEquals(visit.byDecile().get(0).high(), first.get("high").asDouble());
    assertEquals(UpliftScores.POINTS, json.get("qini_curve").size());
    assertEquals(
        visit.rows(), json.get("qini_curve").get(UpliftScores.POINTS - 1).get("rows").asLong());
    assertEquals(4, json.get("perfect_qini_curve").size());
  }

  @Test
  void theTerminalBlockFitsEightyColumnsAndPutsTheVerdictUnderTheQiniAuc() {
    for (UpliftMetrics m : new UpliftMetrics[] {visit, conversion}) {
      String text = UpliftSummary.of(m);
      for (String line : text.split("\n")) {
        assertTrue(line.length() <= 80, line.length() + ": " + line);
      }
      String[] lines = text.split("\n");
      assertTrue(lines[2].startsWith("  Qini AUC " + String.format("%.4f", m.qiniAuc())), lines[2]);
      assertTrue(lines[3].startsWith("  -> " + m.verdict().text()), lines[3]);
    }
    assertTrue(UpliftSummary.of(visit).contains("-> above random (p 0.001)"));
    assertTrue(
        UpliftSummary.of(conversion).contains("-> not distinguishable from random"),
        UpliftSummary.of(conversion));
    assertTrue(UpliftSummary.of(conversion).contains("no evidence"));
  }

  @Test
  void theTerminalTableHasEachDecileWithItsInterval() {
    String text = UpliftSummary.of(visit);
    for (UpliftBin b : visit.byDecile()) {
      String interval = UpliftSummary.signed(b.low()) + " to " + UpliftSummary.signed(b.high());
      Pattern row =
          Pattern.compile(
              "^\\s+"
                  + b.bin()
                  + "\\s+"
                  + b.treatedRows()
                  + "\\s+"
                  + b.controlRows()
                  + ".*"
                  + Pattern.quote(UpliftSummary.signed(b.uplift()))
                  + "\\s+"
                  + Pattern.quote(interval)
                  + "$",
              Pattern.MULTILINE);
      assertTrue(row.matcher(text).find(), "bin " + b.bin() + " in\n" + text);
    }
  }

  @Test
  void theHtmlSectionDrawsTheQiniCurveAndDecileBarsWithWhiskers() {
    String html = UpliftHtml.section(visit);
    assertFalse(html.contains("<script"));
    assertTrue(html.contains("<h2>Uplift: <span class=\"pass\">above random</span></h2>"));
    assertTrue(html.contains("data-series=\"model (Qini AUC 0.059)\""), "the Qini curve");
    assertTrue(html.contains("data-series=\"random order\""));
    Matcher bars =
        Pattern.compile(
                "<rect data-series=\"uplift\" data-category=\"(\\d+)\" data-value=\"([^\"]+)\"")
            .matcher(html);
    int count = 0;
    while (bars.find()) {
      UpliftBin bin = visit.byDecile().get(Integer.parseInt(bars.group(1)) - 1);
      assertEquals(bin.uplift(), Double.parseDouble(bars.group(2)));
      count++;
    }
    assertEquals(10, count);
    Matcher whiskers =
        Pattern.compile(
                "class=\"whisker\" data-category=\"(\\d+)\" data-low=\"([^\"]+)\""
                    + " data-high=\"([^\"]+)\"")
            .matcher(html);
    count = 0;
    while (whiskers.find()) {
      UpliftBin bin = visit.byDecile().get(Integer.parseInt(whiskers.group(1)) - 1);
      assertEquals(bin.low(), Double.parseDouble(whiskers.group(2)));
      assertEquals(bin.high(), Double.parseDouble(whiskers.group(3)));
      count++;
    }
    assertEquals(10, count);
  }

  @Test
  void theHtmlVerdictOfANoiseModelIsNotAPass() {
    String html = UpliftHtml.section(conversion);
    assertTrue(html.contains("<span class=\"fail\">not distinguishable from random</span>"));
    assertTrue(html.contains("no evidence"));
  }

  @Test
  void thePerfectOrderIsDrawnOnlyWhenAskedFor() {
    assertFalse(UpliftHtml.charts(visit, false).get(0).render().contains("perfect order"));
    assertTrue(UpliftHtml.charts(visit, true).get(0).render().contains("perfect order"));
  }
}
