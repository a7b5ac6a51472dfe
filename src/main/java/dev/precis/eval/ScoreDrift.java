package dev.precis.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleToIntFunction;

/**
 * How far the scored rows' scores moved from the training rows': the population stability index
 * ({@link Psi}) over the bundle's training score bins (bins.json, equal-count deciles of the
 * training scores). Each training share is taken as 1/bins, which the cuts give up to ties.
 *
 * @param psi sum over bins of (actual - expected) * ln(actual / expected)
 * @param expected each bin's share of the training rows, best bin first
 * @param actual each bin's share of the scored rows
 * @param band the PSI in words: stable, moderate or major (see {@link Psi#band})
 */
public record ScoreDrift(double psi, List<Double> expected, List<Double> actual, String band) {
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
    return of(counts);
  }

  /** The drift of rows counted per training score bin, best bin first. */
  public static ScoreDrift of(long[] counts) {
    long rows = 0;
    for (long count : counts) {
      rows += count;
    }
    double[] expected = new double[counts.length];
    double[] actual = new double[counts.length];
    List<Double> expectedList = new ArrayList<>();
    List<Double> actualList = new ArrayList<>();
    for (int b = 0; b < counts.length; b++) {
      expected[b] = 1.0 / counts.length;
      actual[b] = rows == 0 ? 0 : (double) counts[b] / rows;
      expectedList.add(expected[b]);
      actualList.add(actual[b]);
    }
    double psi = Psi.of(expected, actual);
    return new ScoreDrift(psi, expectedList, actualList, Psi.band(psi));
  }
}
