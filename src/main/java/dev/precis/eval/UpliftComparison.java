package dev.precis.eval;

import dev.precis.eval.Comparison.Difference;
import dev.precis.eval.Comparison.Verdict;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Compares two uplift models scored on the same rows of a randomised test: challenger minus
 * champion on Qini AUC, AUUC and uplift@k, each with a paired percentile bootstrap interval. A
 * resample draws each arm's rows with replacement within the arm, so that it keeps both arms at
 * their sizes, as the experiment fixed them; the verdict is on Qini AUC.
 */
public final class UpliftComparison {
  private static final String[] METRICS = {"qini", "auuc", "uplift@"};

  private UpliftComparison() {}

  /**
   * @param k the share of uplift@k
   * @throws IllegalArgumentException as {@link UpliftScores#of} does
   */
  public static Comparison compare(
      double[] champion,
      double[] challenger,
      boolean[] treated,
      boolean[] outcome,
      double k,
      int resamples,
      long seed) {
    double[] pointA = measure(UpliftScores.of(champion, treated, outcome), k);
    double[] pointB = measure(UpliftScores.of(challenger, treated, outcome), k);
    int[][] arms = arms(treated);
    int n = treated.length;
    double[][] draws = new double[METRICS.length][resamples];
    SplittableRandom random = new SplittableRandom(seed);
    double[] a = new double[n];
    double[] b = new double[n];
    boolean[] t = new boolean[n];
    boolean[] y = new boolean[n];
    for (int r = 0; r < resamples; r++) {
      int at = 0;
      for (int[] arm : arms) {
        for (int j = 0; j < arm.length; j++, at++) {
          int row = arm[random.nextInt(arm.length)];
          a[at] = champion[row];
          b[at] = challenger[row];
          t[at] = treated[row];
          y[at] = outcome[row];
        }
      }
      double[] ma = measure(UpliftScores.of(a, t, y), k);
      double[] mb = measure(UpliftScores.of(b, t, y), k);
      for (int m = 0; m < METRICS.length; m++) {
        draws[m][r] = mb[m] - ma[m];
      }
    }
    List<Difference> differences = new ArrayList<>();
    for (int m = 0; m < METRICS.length; m++) {
      // a resample whose top k holds no row of an arm has no uplift@k: it is left out
      double[] d = Arrays.stream(draws[m]).filter(Double::isFinite).sorted().toArray();
      String name = m == 2 ? "uplift@" + Math.round(100 * k) : METRICS[m];
      differences.add(
          new Difference(
              name,
              pointA[m],
              pointB[m],
              pointB[m] - pointA[m],
              d.length == 0 ? Double.NaN : PairedComparison.percentile(d, 0.025),
              d.length == 0 ? Double.NaN : PairedComparison.percentile(d, 0.975),
              "bootstrap"));
    }
    Difference qini = differences.get(0);
    Verdict verdict =
        qini.low() > 0 ? Verdict.BETTER : qini.high() < 0 ? Verdict.WORSE : Verdict.NO_DIFFERENCE;
    return new Comparison(resamples, seed, differences, verdict);
  }

  /** Qini AUC, AUUC and uplift@k (overall; NaN where the top holds no row of an arm). */
  private static double[] measure(UpliftScores scores, double k) {
    Double at = scores.upliftAt(k).overall();
    return new double[] {scores.qiniAuc(), scores.upliftAuc(), at == null ? Double.NaN : at};
  }

  /** The rows of each arm, treated first. */
  private static int[][] arms(boolean[] treated) {
    int[] yes = new int[treated.length];
    int[] no = new int[treated.length];
    int nt = 0;
    int nc = 0;
    for (int i = 0; i < treated.length; i++) {
      if (treated[i]) {
        yes[nt++] = i;
      } else {
        no[nc++] = i;
      }
    }
    return new int[][] {Arrays.copyOf(yes, nt), Arrays.copyOf(no, nc)};
  }
}
