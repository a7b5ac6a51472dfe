package dev.precis.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DeLong's intervals on the golden bank scores (scikit-learn's logistic regression on the bank test
 * rows), against the O(positives x negatives) definition of its structural components.
 */
class DeLongTest {
  private static double[] scores;
  private static double[] noisy;
  private static boolean[] labels;

  @BeforeAll
  static void read() throws IOException {
    List<Double> s = new ArrayList<>();
    List<Boolean> y = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(
                DeLongTest.class.getResourceAsStream("/golden/bank-lr-scores.csv"),
                StandardCharsets.UTF_8))) {
      reader.readLine();
      for (String line; (line = reader.readLine()) != null; ) {
        String[] fields = line.split(",");
        y.add(fields[0].equals("1"));
        s.add(Double.parseDouble(fields[1]));
      }
    }
    scores = s.stream().mapToDouble(Double::doubleValue).toArray();
    labels = new boolean[y.size()];
    noisy = new double[scores.length];
    Random random = new Random(5);
    for (int i = 0; i < labels.length; i++) {
      labels[i] = y.get(i);
      // a weaker second model, a probability still, rounded so that it has ties of its own
      double score = Math.min(1, Math.max(0, scores[i] + 0.1 * random.nextGaussian()));
      noisy[i] = Math.round(score * 100) / 100.0;
    }
  }

  /** The components by their definition: per positive, the share of negatives it outscores. */
  private static double[][] bruteComponents(double[] s) {
    List<Double> pos = new ArrayList<>();
    List<Double> neg = new ArrayList<>();
    for (int i = 0; i < s.length; i++) {
      (labels[i] ? pos : neg).add(s[i]);
    }
    double[] v10 = new double[pos.size()];
    double[] v01 = new double[neg.size()];
    for (int i = 0; i < pos.size(); i++) {
      for (int j = 0; j < neg.size(); j++) {
        double psi = pos.get(i) > neg.get(j) ? 1 : pos.get(i).equals(neg.get(j)) ? 0.5 : 0;
        v10[i] += psi / neg.size();
        v01[j] += psi / pos.size();
      }
    }
    return new double[][] {v10, v01};
  }

  private static double variance(double[] x) {
    double mean = java.util.Arrays.stream(x).average().orElseThrow();
    return java.util.Arrays.stream(x).map(v -> (v - mean) * (v - mean)).sum() / (x.length - 1);
  }

  @Test
  void oneAucsIntervalIsDeLongsDefinition() {
    double[][] c = bruteComponents(scores);
    double se = Math.sqrt(variance(c[0]) / c[0].length + variance(c[1]) / c[1].length);
    DeLong.Interval interval = DeLong.auc(scores, labels);
    assertEquals(BinaryMetricsCalculator.auc(scores, labels), interval.estimate(), 1e-12);
    assertEquals(se, interval.standardError(), 1e-12);
    assertEquals(interval.estimate() - 1.959963984540054 * se, interval.low(), 1e-12);
    assertEquals(interval.estimate() + 1.959963984540054 * se, interval.high(), 1e-12);
    assertTrue(interval.p() < 1e-12, "bank's AUC of 0.80 is no chance: " + interval);
  }

  @Test
  void aPairedDifferenceTakesTheCovarianceOut() {
    double[][] a = bruteComponents(scores);
    double[][] b = bruteComponents(noisy);
    double[] d10 = new double[a[0].length];
    double[] d01 = new double[a[1].length];
    for (int i = 0; i < d10.length; i++) {
      d10[i] = a[0][i] - b[0][i];
    }
    for (int j = 0; j < d01.length; j++) {
      d01[j] = a[1][j] - b[1][j];
    }
    double se = Math.sqrt(variance(d10) / d10.length + variance(d01) / d01.length);
    DeLong.Interval difference = DeLong.difference(scores, noisy, labels);
    assertEquals(
        BinaryMetricsCalculator.auc(scores, labels) - BinaryMetricsCalculator.auc(noisy, labels),
        difference.estimate(),
        1e-12);
    assertEquals(se, difference.standardError(), 1e-12);
    double unpaired =
        Math.hypot(
            DeLong.auc(scores, labels).standardError(), DeLong.auc(noisy, labels).standardError());
    assertTrue(se < unpaired, "pairing narrows the interval: " + se + " vs " + unpaired);
    DeLong.Interval same = DeLong.difference(scores, scores, labels);
    assertEquals(0, same.estimate(), 0);
    assertEquals(1, same.p(), 0);
  }

  @Test
  void theNormalTailIsThatOfTheTables() {
    assertEquals(0.5, DeLong.normalTail(0), 1e-7);
    assertEquals(0.025, DeLong.normalTail(1.959963984540054), 1e-7);
    assertEquals(0.158655254, DeLong.normalTail(1), 1e-7);
    assertEquals(0.841344746, DeLong.normalTail(-1), 1e-7);
  }

  @Test
  void midranksAverageTies() {
    assertEquals(
        List.of(1.0, 2.5, 2.5, 4.0),
        java.util.Arrays.stream(DeLong.midranks(new double[] {0.1, 0.5, 0.5, 0.9}))
            .boxed()
            .toList());
  }

  @Test
  void oneRowOfAClassIsTooFew() {
    assertThrows(
        IllegalArgumentException.class,
        () -> DeLong.auc(new double[] {0.1, 0.2, 0.3}, new boolean[] {true, false, false}));
  }
}
