package dev.precis.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Specifies the paired comparison: its point estimates are the metrics eval reports (ties, the
 * first bin), a model against itself differs by nothing, and a seed fixes the intervals.
 */
class PairedComparisonTest {
  private static final int ROWS = 997;

  @Test
  void pointEstimatesAreTheReportedMetricsEvenWithTiedScores() {
    boolean[] labels = labels();
    double[] champion = scores(labels, 1, 20);
    double[] challenger = scores(labels, 2, 0);
    Comparison c = PairedComparison.compare(champion, challenger, labels, 10, 100, 3);
    BinaryMetrics a = BinaryMetricsCalculator.compute(champion, labels, 0.5, 10);
    BinaryMetrics b = BinaryMetricsCalculator.compute(challenger, labels, 0.5, 10);
    for (Comparison.Difference d : c.differences()) {
      assertEquals(Gates.value(d.metric(), a), d.champion(), 1e-12, d.metric());
      assertEquals(Gates.value(d.metric(), b), d.challenger(), 1e-12, d.metric());
    }
  }

  @Test
  void aModelAgainstItselfMakesNoDifference() {
    boolean[] labels = labels();
    double[] scores = scores(labels, 1, 0);
    Comparison c = PairedComparison.compare(scores, scores.clone(), labels, 10, 100, 3);
    for (Comparison.Difference d : c.differences()) {
      assertEquals(0, d.low(), 0, d.metric());
      assertEquals(0, d.high(), 0, d.metric());
    }
    assertEquals(Comparison.Verdict.NO_DIFFERENCE, c.verdict());
  }

  @Test
  void theSeedFixesTheIntervals() {
    boolean[] labels = labels();
    double[] a = scores(labels, 1, 0);
    double[] b = scores(labels, 2, 0);
    assertEquals(
        PairedComparison.compare(a, b, labels, 10, 200, 5),
        PairedComparison.compare(a, b, labels, 10, 200, 5));
  }

  private static boolean[] labels() {
    Random random = new Random(11);
    boolean[] labels = new boolean[ROWS];
    for (int i = 0; i < ROWS; i++) {
      labels[i] = random.nextDouble() < 0.15;
    }
    return labels;
  }

  /** Noisy probabilities that favour positives; rounded to {@code levels} values when not 0. */
  private static double[] scores(boolean[] labels, long seed, int levels) {
    Random random = new Random(seed);
    double[] scores = new double[labels.length];
    for (int i = 0; i < labels.length; i++) {
      double logit = (labels[i] ? 1 : -1) + random.nextGaussian() * 1.5 - 1.5;
      double p = 1 / (1 + Math.exp(-logit));
      scores[i] = levels == 0 ? p : Math.round(p * levels) / (double) levels;
    }
    return scores;
  }
}
