package dev.precis.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The bins a feature's values are counted in to compare a file with the training rows, and the
 * training rows' share of each. A 0/1 feature has two bins, 0 and 1 (any value above 0). Any other
 * has the intervals between its distinct inner deciles, (-inf, d1], (d1, d2], ..., (d9, +inf), and
 * a value that two inner deciles share (a feature that is mostly 0, or 999) gets a bin of its own,
 * apart from the values just below it: moving rows onto or off such a value is what drift there
 * looks like.
 *
 * @param cuts each bin's upper edge, inclusive; the last bin has none
 * @param expected each bin's share of the training rows
 */
public record FeatureBins(double[] cuts, double[] expected) implements java.io.Serializable {

  /**
   * The bins of a feature's summary in distributions.json; empty when it has none to compare with:
   * no training rows, or deciles written by a Precis that did not yet keep each bin's share.
   */
  public static Optional<FeatureBins> of(FeatureDistributions.Feature feature) {
    if (feature.share() != null) {
      return Optional.of(
          new FeatureBins(new double[] {0.0}, new double[] {1 - feature.share(), feature.share()}));
    }
    List<Double> shares = feature.shares();
    if (feature.deciles() == null || feature.deciles().isEmpty() || shares == null) {
      return Optional.empty();
    }
    double[] cuts = cuts(feature.deciles());
    if (shares.size() != cuts.length + 1) {
      return Optional.empty();
    }
    return Optional.of(
        new FeatureBins(cuts, shares.stream().mapToDouble(Double::doubleValue).toArray()));
  }

  /**
   * The bins' upper edges from the 0th to 100th deciles: the distinct inner deciles (d1 to d9),
   * ascending, each one that repeats preceded by the number just below it.
   */
  static double[] cuts(List<Double> deciles) {
    List<Double> inner = deciles.subList(1, deciles.size() - 1);
    List<Double> cuts = new ArrayList<>();
    for (int d = 0; d < inner.size(); d++) {
      double value = inner.get(d);
      if (d > 0 && inner.get(d - 1) == value) {
        continue;
      }
      if (d + 1 < inner.size() && inner.get(d + 1) == value) {
        cuts.add(Math.nextDown(value));
      }
      cuts.add(value);
    }
    return cuts.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** How many bins. */
  public int size() {
    return cuts.length + 1;
  }

  /** The bin of a value: the first whose upper edge is at or above it. */
  public int bin(double value) {
    return bin(cuts, value);
  }

  static int bin(double[] cuts, double value) {
    int low = 0;
    int high = cuts.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (value <= cuts[mid]) {
        high = mid;
      } else {
        low = mid + 1;
      }
    }
    return low;
  }
}
