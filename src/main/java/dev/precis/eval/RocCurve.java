package dev.precis.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * The ROC curve of scored rows, thinned for a report: a vertex per distinct score (tied rows move
 * together, as AUC counts them), then at most a given number of those vertices, evenly spaced along
 * the list, always keeping (0, 0) and (1, 1). Every point kept lies on the exact curve.
 */
public final class RocCurve {
  /** Points a report keeps: enough for a smooth chart, few enough for a small report. */
  public static final int POINTS = 200;

  private RocCurve() {}

  /**
   * @param scores non-negative scores
   * @param positive the labels, same length; both classes present
   * @param most the most points to keep, at least 2
   */
  public static List<RocPoint> of(double[] scores, boolean[] positive, int most) {
    RankedScores ranked = RankedScores.rank(scores, positive);
    List<RocPoint> all = new ArrayList<>();
    all.add(new RocPoint(0, 0));
    long tp = 0;
    long fp = 0;
    for (int k = 0; k < ranked.size(); ) {
      int end = ranked.tieGroupEnd(k);
      for (; k < end; k++) {
        if (ranked.isPositive(k)) {
          tp++;
        } else {
          fp++;
        }
      }
      all.add(new RocPoint((double) fp / ranked.negatives(), (double) tp / ranked.positives()));
    }
    if (all.size() <= most) {
      return all;
    }
    List<RocPoint> kept = new ArrayList<>(most);
    for (int i = 0; i < most; i++) {
      kept.add(all.get((int) Math.round((double) i * (all.size() - 1) / (most - 1))));
    }
    return kept;
  }
}
