package dev.precis.eval;

import dev.precis.config.EvalConfig;
import dev.precis.config.ThresholdRule;

/**
 * The score cutoff eval.threshold asks for: the fixed one, or the one maximising F1 or profit on
 * the rows at hand. Only cutoffs at a score that occurs are tried (a cutoff between two scores
 * selects what the higher one does), and the highest wins a tie, selecting fewest rows.
 */
final class ThresholdChoice {
  private ThresholdChoice() {}

  /** Needs both classes among the labels when the threshold is chosen. */
  static double of(double[] scores, boolean[] positive, EvalConfig eval) {
    ThresholdRule rule = eval.threshold();
    if (rule.by() == ThresholdRule.By.FIXED) {
      return rule.value();
    }
    RankedScores ranked = RankedScores.rank(scores, positive);
    int depth =
        rule.by() == ThresholdRule.By.F1
            ? bestF1Depth(ranked)
            : CampaignEconomics.bestDepth(ranked, eval.economics(), ranked.size());
    // Contacting nobody pays best: a cutoff just above the top score selects no row.
    return depth == 0 ? Math.nextUp(ranked.score(0)) : ranked.score(depth - 1);
  }

  /** F1 = 2 TP / (predicted positives + positives); the first depth of the highest wins. */
  private static int bestF1Depth(RankedScores ranked) {
    int best = 0;
    double bestF1 = 0;
    long tp = 0;
    for (int start = 0; start < ranked.size(); ) {
      int end = ranked.tieGroupEnd(start);
      for (int k = start; k < end; k++) {
        tp += ranked.isPositive(k) ? 1 : 0;
      }
      double f1 = 2.0 * tp / (end + ranked.positives());
      if (f1 > bestF1) {
        best = end;
        bestF1 = f1;
      }
      start = end;
    }
    return best;
  }
}
