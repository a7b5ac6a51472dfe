package dev.precis.tune;

import dev.precis.report.TuneReport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The leaderboard's order: a higher halving rung first (its trials had the larger budget), then the
 * higher mean, then the earlier trial, so ties break the same way every run.
 */
final class Ranking {
  static final Comparator<TuneReport.Trial> ORDER =
      Comparator.comparingInt(TuneReport.Trial::rung)
          .reversed()
          .thenComparing(Comparator.comparingDouble(Ranking::score).reversed())
          .thenComparingInt(TuneReport.Trial::trial);

  private Ranking() {}

  /** The mean, with an undefined one ranked last. */
  private static double score(TuneReport.Trial trial) {
    return Double.isNaN(trial.mean()) ? Double.NEGATIVE_INFINITY : trial.mean();
  }

  /** The trials best first, ranked from 1. */
  static List<TuneReport.Trial> rank(List<TuneReport.Trial> trials) {
    List<TuneReport.Trial> sorted = new ArrayList<>(trials);
    sorted.sort(ORDER);
    List<TuneReport.Trial> ranked = new ArrayList<>();
    for (int i = 0; i < sorted.size(); i++) {
      ranked.add(sorted.get(i).withRank(i + 1));
    }
    return ranked;
  }

  /** The best {@code n} of the trials by mean, for the next rung. */
  static List<TuneReport.Trial> top(List<TuneReport.Trial> trials, int n) {
    return rank(trials).subList(0, Math.min(n, trials.size()));
  }
}
