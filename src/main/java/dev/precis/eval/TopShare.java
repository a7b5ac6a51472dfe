package dev.precis.eval;

/**
 * Lift and capture of the top K% of rows by score: what a campaign that contacts that share gets.
 * The top is the first floor(K * n / 100) rows (at least one) in the order of the gains table, so
 * lift@10 with 10 bins is the first decile's lift.
 */
final class TopShare {
  private final int top;
  private final long positivesInTop;
  private final RankedScores ranked;

  TopShare(RankedScores ranked, double percent) {
    this.ranked = ranked;
    this.top = (int) Math.max(1, Math.floor(percent * ranked.size() / 100));
    long positives = 0;
    for (int k = 0; k < top; k++) {
      positives += ranked.isPositive(k) ? 1 : 0;
    }
    this.positivesInTop = positives;
  }

  /** Response rate of the top over the overall response rate. */
  double lift() {
    return ((double) positivesInTop / top) / ((double) ranked.positives() / ranked.size());
  }

  /** Share of all positives that fall in the top. */
  double capture() {
    return (double) positivesInTop / ranked.positives();
  }
}
