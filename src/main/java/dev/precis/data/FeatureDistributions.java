package dev.precis.data;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How each feature was distributed on the training rows, kept in the model bundle
 * (distributions.json) so that a later file encoded by the same pipeline can be compared with it
 * for drift. A 0/1 feature (a category's level, a boolean, a missing indicator) is kept as the
 * share of rows where it is 1; any other as its deciles, the smallest and largest value included.
 * The features of a step that writes more than {@link #MAX_STEP_FEATURES} (a bag of terms) are left
 * out: their drift is a matter of vocabulary, not of a distribution per feature.
 *
 * @param schema {@link #SCHEMA}
 * @param rows the training rows summarised (evenly spaced, at most {@link #MAX_ROWS})
 * @param features one entry per feature summarised, in pipeline order
 */
public record FeatureDistributions(String schema, int rows, List<Feature> features) {
  public static final String SCHEMA = "precis.distributions/1";

  /** Steps writing more features than this are not summarised. */
  static final int MAX_STEP_FEATURES = 1000;

  /** Rows beyond this are sampled evenly: deciles of 100,000 rows are as good as of all. */
  static final int MAX_ROWS = 100_000;

  /**
   * @param share the share of rows where a 0/1 feature is 1; null for other features
   * @param deciles the 0th, 10th, ... 100th percentiles of another feature (nearest rank); null for
   *     a 0/1 feature
   * @param shares the training rows' share of each of {@link FeatureBins}'s bins of the deciles, so
   *     that drift compares with the true shares when values tie; null for a 0/1 feature, and in
   *     distributions written before it was kept
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Feature(String name, Double share, List<Double> deciles, List<Double> shares) {}

  public static FeatureDistributions of(FeaturePipeline pipeline, EncodedData train) {
    int width = pipeline.featureCount();
    boolean[] kept = new boolean[width];
    int first = 0;
    for (ColumnStep step : pipeline.steps()) {
      int count = step.featureCount();
      if (count <= MAX_STEP_FEATURES) {
        Arrays.fill(kept, first, first + count, true);
      }
      first += count;
    }
    return of(pipeline.featureNames(), kept, train.x());
  }

  /**
   * @param names every feature's name
   * @param kept which features to summarise
   */
  static FeatureDistributions of(List<String> names, boolean[] kept, SparseRows x) {
    int width = names.size();
    int stride = Math.max(1, (x.rows() + MAX_ROWS - 1) / MAX_ROWS);
    double[][] nonzero = new double[width][];
    int[] counts = new int[width];
    int rows = 0;
    for (int r = 0; r < x.rows(); r += stride) {
      rows++;
      for (int e = x.start(r); e < x.end(r); e++) {
        int f = x.feature(e);
        if (kept[f]) {
          if (nonzero[f] == null || counts[f] == nonzero[f].length) {
            nonzero[f] =
                Arrays.copyOf(
                    nonzero[f] == null ? new double[0] : nonzero[f], Math.max(16, counts[f] * 2));
          }
          nonzero[f][counts[f]++] = x.value(e);
        }
      }
    }
    List<Feature> features = new ArrayList<>();
    for (int f = 0; f < width; f++) {
      if (kept[f]) {
        double[] values = nonzero[f] == null ? new double[0] : Arrays.copyOf(nonzero[f], counts[f]);
        features.add(feature(names.get(f), values, rows));
      }
    }
    return new FeatureDistributions(SCHEMA, rows, features);
  }

  /** A feature's summary from its nonzero values; the other rows hold 0. */
  private static Feature feature(String name, double[] nonzero, int rows) {
    if (rows == 0) {
      return new Feature(name, null, List.of(), null);
    }
    if (Arrays.stream(nonzero).allMatch(v -> v == 1.0)) {
      return new Feature(name, (double) nonzero.length / rows, null, null);
    }
    Arrays.sort(nonzero);
    int negatives = 0;
    while (negatives < nonzero.length && nonzero[negatives] < 0) {
      negatives++;
    }
    int zeros = rows - nonzero.length;
    List<Double> deciles = new ArrayList<>();
    for (int d = 0; d <= 10; d++) {
      int rank = DataProfile.nearestRank(d / 10.0, rows);
      // the sorted rows are the negatives, then the zeros, then the positives
      deciles.add(
          rank < negatives
              ? nonzero[rank]
              : rank < negatives + zeros ? 0.0 : nonzero[rank - zeros]);
    }
    return new Feature(name, null, deciles, shares(deciles, nonzero, zeros, rows));
  }

  /** The share of the rows in each bin of the deciles: the nonzero values, and the zeros. */
  private static List<Double> shares(List<Double> deciles, double[] nonzero, int zeros, int rows) {
    double[] cuts = FeatureBins.cuts(deciles);
    long[] counts = new long[cuts.length + 1];
    counts[FeatureBins.bin(cuts, 0.0)] += zeros;
    for (double value : nonzero) {
      counts[FeatureBins.bin(cuts, value)]++;
    }
    List<Double> shares = new ArrayList<>();
    for (long count : counts) {
      shares.add((double) count / rows);
    }
    return shares;
  }
}
