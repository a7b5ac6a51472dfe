package dev.precis.eval;

import dev.precis.config.Economics;
import java.util.ArrayList;
import java.util.List;

/**
 * Profit and ROI of contacting the best-scoring rows of a labelled file, by depth: at the gains
 * bins' ends, and at the exact profit-maximising depth with and without the budget.
 */
public final class CampaignEconomics {
  private CampaignEconomics() {}

  /**
   * @param scores scores of the rows, finite and non-negative
   * @param positive their labels
   * @param bins the gains table's bin count, at least 1
   */
  public static CampaignProfit of(
      double[] scores, boolean[] positive, Economics economics, int bins) {
    RankedScores ranked = RankedScores.rank(scores, positive);
    int n = ranked.size();
    long[] responders = cumulativePositives(ranked);
    List<ProfitAtDepth> byBin = new ArrayList<>();
    for (int i = 1; i <= bins; i++) {
      int depth = (int) ((long) i * n / bins);
      // Bins left empty (fewer rows than bins) are left out, as in the gains table.
      if (depth > 0 && (byBin.isEmpty() || byBin.get(byBin.size() - 1).depth() < depth)) {
        byBin.add(at(ranked, responders, economics, depth));
      }
    }
    ProfitAtDepth best = at(ranked, responders, economics, bestDepth(ranked, economics, n));
    if (economics.budget() == null) {
      return new CampaignProfit(byBin, best, null, null);
    }
    long cap = economics.maxContacts(n);
    return new CampaignProfit(
        byBin, best, cap, at(ranked, responders, economics, bestDepth(ranked, economics, cap)));
  }

  /**
   * The depth of at most {@code cap} rows earning the most, among 0 and the ends of runs of tied
   * scores (a cutoff cannot split tied rows); the smallest when several earn the same.
   */
  static int bestDepth(RankedScores ranked, Economics economics, long cap) {
    int best = 0;
    double bestProfit = economics.profit(0, 0);
    long positives = 0;
    for (int start = 0; start < ranked.size(); ) {
      int end = ranked.tieGroupEnd(start);
      if (end > cap) {
        break;
      }
      for (int k = start; k < end; k++) {
        positives += ranked.isPositive(k) ? 1 : 0;
      }
      double profit = economics.profit(end, positives);
      if (profit > bestProfit) {
        best = end;
        bestProfit = profit;
      }
      start = end;
    }
    return best;
  }

  private static long[] cumulativePositives(RankedScores ranked) {
    long[] cumulative = new long[ranked.size() + 1];
    for (int k = 0; k < ranked.size(); k++) {
      cumulative[k + 1] = cumulative[k] + (ranked.isPositive(k) ? 1 : 0);
    }
    return cumulative;
  }

  private static ProfitAtDepth at(
      RankedScores ranked, long[] responders, Economics economics, int depth) {
    long hits = responders[depth];
    return new ProfitAtDepth(
        depth,
        (double) depth / ranked.size(),
        hits,
        depth == 0 ? null : ranked.score(depth - 1),
        economics.spend(depth),
        economics.profit(depth, hits),
        economics.roi(depth, hits));
  }
}
