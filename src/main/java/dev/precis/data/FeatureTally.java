package dev.precis.data;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Encoded rows counted per feature in each of its training bins ({@link FeatureBins}), for drift. A
 * scoring thread counts each block in a tally of its own ({@link #empty}); the blocks' tallies are
 * then merged. Counts are whole numbers, so the total, and the drift measured from it, is the same
 * whatever the thread count and the order of merging. Serializable, so that a Spark partition's
 * tally travels to the driver. Not thread-safe.
 */
public final class FeatureTally implements Serializable {
  private static final long serialVersionUID = 1L;
  private final FeatureBins[] bins;
  private final long[][] counts;
  private final int[] nonzero;
  private long rows;

  private FeatureTally(FeatureBins[] bins) {
    this.bins = bins;
    this.counts = new long[bins.length][];
    for (int f = 0; f < bins.length; f++) {
      if (bins[f] != null) {
        counts[f] = new long[bins[f].size()];
      }
    }
    this.nonzero = new int[bins.length];
  }

  /**
   * An empty tally over the features of {@code featureNames} that distributions.json can compare;
   * empty when any feature it summarises lacks its bins' shares (written by an older Precis), since
   * drift measured on the other features alone would look complete and not be.
   */
  public static Optional<FeatureTally> of(
      List<String> featureNames, FeatureDistributions distributions) {
    Map<String, Integer> index = new HashMap<>();
    for (int f = 0; f < featureNames.size(); f++) {
      index.put(featureNames.get(f), f);
    }
    FeatureBins[] bins = new FeatureBins[featureNames.size()];
    for (FeatureDistributions.Feature feature : distributions.features()) {
      Integer f = index.get(feature.name());
      if (f == null || feature.deciles() != null && feature.deciles().isEmpty()) {
        continue;
      }
      Optional<FeatureBins> binned = FeatureBins.of(feature);
      if (binned.isEmpty()) {
        return Optional.empty();
      }
      bins[f] = binned.get();
    }
    return Optional.of(new FeatureTally(bins));
  }

  /** A tally over the same bins with nothing counted. */
  public FeatureTally empty() {
    return new FeatureTally(bins);
  }

  /** Counts the first {@code n} rows of {@code x}; an absent feature holds 0. */
  public void add(SparseRows x, int n) {
    for (int r = 0; r < n; r++) {
      for (int e = x.start(r); e < x.end(r); e++) {
        int f = x.feature(e);
        if (bins[f] != null) {
          counts[f][bins[f].bin(x.value(e))]++;
          nonzero[f]++;
        }
      }
    }
    for (int f = 0; f < bins.length; f++) {
      if (bins[f] != null) {
        counts[f][bins[f].bin(0.0)] += n - nonzero[f];
        nonzero[f] = 0;
      }
    }
    rows += n;
  }

  /** Adds another tally's counts (over the same bins) to this one's. */
  public void merge(FeatureTally other) {
    for (int f = 0; f < bins.length; f++) {
      if (bins[f] != null) {
        for (int b = 0; b < counts[f].length; b++) {
          counts[f][b] += other.counts[f][b];
        }
      }
    }
    rows += other.rows;
  }

  /** The rows counted. */
  public long rows() {
    return rows;
  }

  /** A feature's bins, or null when it is not compared. */
  FeatureBins bins(int feature) {
    return bins[feature];
  }

  /** A feature's rows per bin; null when it is not compared. */
  long[] counts(int feature) {
    return counts[feature];
  }

  /** How many features the tally spans (the pipeline's width). */
  int width() {
    return bins.length;
  }
}
