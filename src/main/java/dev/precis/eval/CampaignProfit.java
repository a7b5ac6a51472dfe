package dev.precis.eval;

import java.util.List;

/**
 * What a campaign earns at each depth on a labelled file, under eval.economics. Plain data: never
 * throws.
 *
 * @param byBin profit at the end of each gains bin (the same bins as the gains table)
 * @param best the profit-maximising depth over every depth a score cutoff can make (rows tied on
 *     score are contacted together), the smallest such depth when several earn the same; depth 0
 *     (only the fixed cost) when no depth pays
 * @param budgetContacts the most rows the budget allows; null without a budget
 * @param bestWithinBudget the profit-maximising depth of at most budgetContacts rows; null without
 *     a budget
 */
public record CampaignProfit(
    List<ProfitAtDepth> byBin,
    ProfitAtDepth best,
    Long budgetContacts,
    ProfitAtDepth bestWithinBudget) {
  public CampaignProfit {
    byBin = List.copyOf(byBin);
  }
}
