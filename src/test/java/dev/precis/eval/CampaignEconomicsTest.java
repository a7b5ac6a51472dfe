package dev.precis.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.precis.config.Economics;
import dev.precis.config.EvalConfig;
import dev.precis.config.ThresholdRule;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Profit by depth on ten scores worked out by hand. Best first the labels are P P N P N N P N N N,
 * so the responders in the top k are 1 2 2 3 3 3 4 4 4 4 for k = 1..10.
 */
class CampaignEconomicsTest {
  private static final double[] SCORES = {0.5, 0.9, 0.05, 0.3, 0.7, 0.2, 0.8, 0.4, 0.6, 0.1};
  private static final boolean[] LABELS = {
    false, true, false, true, false, false, true, false, true, false
  };

  /** Cost 10, value 30, fixed 5: profit 15 35 25 45 35 25 45 35 25 15 for k = 1..10. */
  private static final Economics TERMS = new Economics(10, 30, 5.0, null);

  @Test
  void bestDepthIsTheSmallestOfTwoEquallyProfitableOnesTest() {
    CampaignProfit profit = CampaignEconomics.of(SCORES, LABELS, TERMS, 5);
    // 45 at depth 4 and at depth 7: the smaller one spends less for the same profit.
    assertEquals(4, profit.best().depth());
    assertEquals(3, profit.best().responders());
    assertEquals(45.0, profit.best().profit(), 1e-12);
    assertEquals(45.0, profit.best().spend(), 1e-12);
    assertEquals(1.0, profit.best().roi(), 1e-12);
    assertEquals(0.6, profit.best().minScore());
    assertNull(profit.budgetContacts());
    assertNull(profit.bestWithinBudget());
  }

  @Test
  void byBinGivesProfitAtEachBinEndTest() {
    List<ProfitAtDepth> bins = CampaignEconomics.of(SCORES, LABELS, TERMS, 5).byBin();
    assertEquals(List.of(2L, 4L, 6L, 8L, 10L), bins.stream().map(ProfitAtDepth::depth).toList());
    assertEquals(
        List.of(35.0, 45.0, 25.0, 35.0, 15.0), bins.stream().map(ProfitAtDepth::profit).toList());
    assertEquals(35.0 / 25.0, bins.get(0).roi(), 1e-12);
    assertEquals(0.2, bins.get(0).share(), 1e-12);
  }

  @Test
  void budgetInContactsOrMoneyCapsTheDepthTest() {
    CampaignProfit contacts =
        CampaignEconomics.of(
            SCORES, LABELS, new Economics(10, 30, 5.0, new Economics.Budget(3L, null)), 5);
    assertEquals(3, contacts.budgetContacts());
    assertEquals(2, contacts.bestWithinBudget().depth()); // 35 at 2 beats 25 at 3
    assertEquals(35.0, contacts.bestWithinBudget().profit(), 1e-12);
    // 44 pays the fixed 5 and three contacts of 10, not a fourth.
    CampaignProfit money =
        CampaignEconomics.of(
            SCORES, LABELS, new Economics(10, 30, 5.0, new Economics.Budget(null, 44.0)), 5);
    assertEquals(3, money.budgetContacts());
    assertEquals(2, money.bestWithinBudget().depth());
    assertEquals(4, money.best().depth());
  }

  @Test
  void tiedScoresAreContactedTogetherTest() {
    double[] tied = SCORES.clone();
    tied[8] = 0.55; // the 4th best (a responder) ties with the 5th (not one)
    tied[0] = 0.55;
    CampaignProfit profit = CampaignEconomics.of(tied, LABELS, TERMS, 5);
    // Depth 4 would split the tie; of 0 1 2 3 5 6 7 8 9 10 the best is 7 (45).
    assertEquals(7, profit.best().depth());
    assertEquals(45.0, profit.best().profit(), 1e-12);
  }

  @Test
  void noDepthPaysSoTheBestIsNoContactTest() {
    CampaignProfit profit =
        CampaignEconomics.of(SCORES, LABELS, new Economics(10, 5, 5.0, null), 5);
    assertEquals(0, profit.best().depth());
    assertEquals(-5.0, profit.best().profit(), 1e-12);
    assertEquals(-1.0, profit.best().roi(), 1e-12);
    assertNull(profit.best().minScore());
  }

  @Test
  void thresholdMaximisesF1OrProfitOnTheRowsTest() {
    // F1 = 2 TP / (k + 4): .4 .667 .571 .75 .667 .6 .727 ...: best at depth 4, score 0.6.
    assertEquals(0.6, at(new ThresholdRule(ThresholdRule.By.F1, null), null).threshold());
    // Cost 10, value 50: profit 40 80 70 110 100 90 130 120 110 100: best at depth 7, score 0.3.
    ThresholdMetrics profit =
        at(new ThresholdRule(ThresholdRule.By.PROFIT, null), new Economics(10, 50, null, null));
    assertEquals(0.3, profit.threshold());
    assertEquals(4, profit.tp());
    assertEquals(3, profit.fp());
    assertEquals(0.5, at(ThresholdRule.fixed(0.5), null).threshold());
  }

  @Test
  void profitThresholdAboveEveryScoreWhenNoContactPaysTest() {
    ThresholdMetrics none =
        at(new ThresholdRule(ThresholdRule.By.PROFIT, null), new Economics(10, 5, null, null));
    assertEquals(0, none.tp() + none.fp());
  }

  private static ThresholdMetrics at(ThresholdRule rule, Economics economics) {
    return Metrics.ifDefined(
            SCORES, LABELS, new EvalConfig(rule, 5, Map.of(), Map.of(), Map.of(), 1000, economics))
        .orElseThrow()
        .atThreshold();
  }
}
