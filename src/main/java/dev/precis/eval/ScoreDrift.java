package dev.precis.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleToIntFunction;

/**
 * How far the evaluated rows' scores moved from the training rows': the population stability index
 * over the bundle's training score bins (bins.json, equal-count deciles of the training scores).
 * Each training share is taken as 1/bins, which the cuts give up to ties; an empty bin counts as
 * 0.0001 so that the logarithm stays finite. Rule of thumb: under 0.1 stable, 0.1 to 0.25 a
 * moderate shift, over 0.25 a large one.
 *
 * @param psi sum over bins of (actual - expected) * ln(actual / expected)
 * @param expected each bin's share of the training rows, best bin first
 * @param actual each bin's share of the evaluated rows
 */
public record ScoreDrift(double psi, List<Double> expected, List<Double> actual) {
  private static final double EMPTY = 1e-4;

  public ScoreDrift {
    expected = List.copyOf(expected);
    actual = List.copyOf(actual);
  }

  /**
   * The drift of {@code scores} over {@code bins} bins, {@code binOf} giving a score's 1-based bin
   * by the training cuts.
   */
  public static ScoreDrift of(double[] scores, int bins, DoubleToIntFunction binOf) {
    long[] counts = new long[bins];
    for (double score : scores) {
      counts[binOf.applyAsInt(score) - 1]++;
    }
    List<Double> expected = new ArrayList<>();
    List<Double> actual = new ArrayList<>();
    double psi = 0;
    for (long count : counts) {
      double e = 1.0 / bins;
      double a = Math.max((double) count / scores.length, EMPTY);
      psi += (a - e) * Math.log(a / e);
      expected.add(e);
      actual.add((double) count / scores.length);
    }
    return new ScoreDrift(psi, expected, actual);
  }
}
