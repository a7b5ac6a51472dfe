package dev.precis.eval;

import dev.precis.eval.Comparison.Difference;
import dev.precis.eval.Comparison.Verdict;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Compares two models scored on the same rows. AUC's interval is DeLong's paired one; the others
 * come from a paired percentile bootstrap: each resample draws n rows with replacement (as
 * multiplicities, so each model's sort is done once) and measures both models on the same draw.
 */
public final class PairedComparison {
  private static final double EPS = 1e-15;

  private PairedComparison() {}

  /** Challenger minus champion on every main metric, with intervals and the AUC verdict. */
  public static Comparison compare(
      double[] champion,
      double[] challenger,
      boolean[] labels,
      int bins,
      int resamples,
      long seed) {
    Weighted a = new Weighted(champion, labels, bins);
    Weighted b = new Weighted(challenger, labels, bins);
    int n = labels.length;
    int[] weights = new int[n];
    Arrays.fill(weights, 1);
    double[] pointA = a.measure(weights);
    double[] pointB = b.measure(weights);
    double[][] draws = new double[Weighted.METRICS.length][resamples];
    SplittableRandom random = new SplittableRandom(seed);
    for (int r = 0; r < resamples; r++) {
      Arrays.fill(weights, 0);
      for (int i = 0; i < n; i++) {
        weights[random.nextInt(n)]++;
      }
      double[] ma = a.measure(weights);
      double[] mb = b.measure(weights);
      for (int k = 0; k < ma.length; k++) {
        draws[k][r] = mb[k] - ma[k];
      }
    }
    List<Difference> differences = new ArrayList<>();
    DeLong.Interval auc = DeLong.difference(challenger, champion, labels);
    differences.add(
        new Difference(
            "auc",
            auc(champion, labels),
            auc(challenger, labels),
            auc.estimate(),
            auc.low(),
            auc.high(),
            "delong"));
    for (int k = 0; k < Weighted.METRICS.length; k++) {
      double[] d = draws[k];
      Arrays.sort(d);
      differences.add(
          new Difference(
              Weighted.METRICS[k],
              pointA[k],
              pointB[k],
              pointB[k] - pointA[k],
              percentile(d, 0.025),
              percentile(d, 0.975),
              "bootstrap"));
    }
    Verdict verdict =
        auc.low() > 0 ? Verdict.BETTER : auc.high() < 0 ? Verdict.WORSE : Verdict.NO_DIFFERENCE;
    return new Comparison(resamples, seed, differences, verdict);
  }

  private static double auc(double[] scores, boolean[] labels) {
    return DeLong.auc(scores, labels).estimate();
  }

  /** The linearly interpolated quantile of sorted values (numpy's default). */
  static double percentile(double[] sorted, double q) {
    double at = q * (sorted.length - 1);
    int lo = (int) Math.floor(at);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (at - lo) * (sorted[hi] - sorted[lo]);
  }

  /** One model's rows, ranked once, measured under any row multiplicities. */
  static final class Weighted {
    static final String[] METRICS = {"pr_auc", "log_loss", "brier", "top_lift"};
    private final int[] order;
    private final double[] scores;
    private final boolean[] labels;
    private final double[] logLoss;
    private final int bins;

    Weighted(double[] scores, boolean[] labels, int bins) {
      this.order = DescendingOrder.of(scores);
      this.scores = scores;
      this.labels = labels;
      this.bins = bins;
      this.logLoss = new double[scores.length];
      for (int i = 0; i < scores.length; i++) {
        double p = Math.min(Math.max(scores[i], EPS), 1 - EPS);
        logLoss[i] = labels[i] ? -Math.log(p) : -Math.log(1 - p);
      }
    }

    /**
     * pr_auc, log_loss, brier and top_lift (the first of {@code bins} bins) when row i counts
     * {@code weights[i]} times.
     */
    double[] measure(int[] weights) {
      long total = 0;
      long positives = 0;
      double loss = 0;
      double brier = 0;
      for (int i = 0; i < weights.length; i++) {
        int w = weights[i];
        total += w;
        positives += labels[i] ? w : 0;
        loss += w * logLoss[i];
        double y = labels[i] ? 1 : 0;
        brier += w * (scores[i] - y) * (scores[i] - y);
      }
      // average precision: one step per group of tied scores, as scikit-learn takes thresholds
      double ap = 0;
      long tp = 0;
      long seen = 0;
      long previousTp = 0;
      long top = total / bins;
      double topPositives = 0;
      long topSeen = 0;
      for (int k = 0; k < order.length; ) {
        int end = k;
        double score = scores[order[k]];
        while (end < order.length && scores[order[end]] == score) {
          int i = order[end];
          int w = weights[i];
          if (topSeen < top) {
            long taken = Math.min(w, top - topSeen);
            topSeen += taken;
            topPositives += labels[i] ? taken : 0;
          }
          seen += w;
          tp += labels[i] ? w : 0;
          end++;
        }
        if (seen > 0 && tp > previousTp) {
          ap += (double) (tp - previousTp) / positives * tp / seen;
          previousTp = tp;
        }
        k = end;
      }
      double rate = (double) positives / total;
      double lift = top == 0 ? Double.NaN : topPositives / top / rate;
      return new double[] {ap, loss / total, brier / total, lift};
    }
  }
}
