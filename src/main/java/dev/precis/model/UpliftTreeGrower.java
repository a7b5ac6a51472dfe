package dev.precis.model;

import dev.precis.data.EncodedData;
import dev.precis.data.SparseRows;
import dev.precis.model.UpliftCriterion.Counts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Grows one uplift tree on rows whose features were cut into bins once for the whole forest: each
 * node considers a random share of the features and every bin edge of each, takes the split of
 * largest positive {@link UpliftCriterion} gain that leaves {@code minLeaf} rows of each arm on
 * both sides, and stops at {@code maxDepth}. A node keeps its rows' treated and control response
 * rates (an arm it has no row of takes its parent's rate).
 */
final class UpliftTreeGrower {
  /** The most bins a feature is cut into: candidate thresholds are its quantiles. */
  static final int MAX_BINS = 32;

  /**
   * The training rows, each feature cut into bins. Feature f's value x is in bin b, the number of
   * its edges below x, so bins 0..b hold exactly the values x <= edges[f][b].
   *
   * @param edges each feature's bin edges, ascending; none for a constant feature
   * @param bins each feature's bin of each row (column by column)
   */
  record Binned(double[][] edges, byte[][] bins, boolean[] y, boolean[] treated) {
    static Binned of(EncodedData rows) {
      SparseRows x = rows.x();
      // the entries column by column, so one dense column at a time is all the memory it takes
      int[] next = new int[x.width() + 1];
      for (int r = 0; r < x.rows(); r++) {
        for (int k = x.start(r); k < x.end(r); k++) {
          next[x.feature(k) + 1]++;
        }
      }
      Arrays.parallelPrefix(next, Integer::sum);
      int[] start = next.clone();
      int[] row = new int[next[x.width()]];
      double[] value = new double[row.length];
      for (int r = 0; r < x.rows(); r++) {
        for (int k = x.start(r); k < x.end(r); k++) {
          int at = next[x.feature(k)]++;
          row[at] = r;
          value[at] = x.value(k);
        }
      }
      double[][] edges = new double[x.width()][];
      byte[][] bins = new byte[x.width()][x.rows()];
      double[] column = new double[x.rows()];
      for (int f = 0; f < x.width(); f++) {
        Arrays.fill(column, 0.0);
        for (int k = start[f]; k < start[f + 1]; k++) {
          column[row[k]] = value[k];
        }
        edges[f] = edges(column);
        for (int r = 0; r < x.rows(); r++) {
          int at = Arrays.binarySearch(edges[f], column[r]);
          bins[f][r] = (byte) (at >= 0 ? at : -at - 1);
        }
      }
      return new Binned(edges, bins, rows.y(), rows.treated());
    }

    /** The distinct values but the largest, or MAX_BINS - 1 quantiles below the largest. */
    private static double[] edges(double[] column) {
      double[] sorted = column.clone();
      Arrays.sort(sorted);
      double[] distinct = Arrays.stream(sorted).distinct().toArray();
      if (distinct.length <= MAX_BINS) {
        return Arrays.copyOf(distinct, distinct.length - 1);
      }
      double max = sorted[sorted.length - 1];
      return java.util.stream.IntStream.range(1, MAX_BINS)
          .mapToDouble(i -> sorted[(int) ((long) i * (sorted.length - 1) / MAX_BINS)])
          .filter(v -> v < max)
          .distinct()
          .toArray();
    }

    int width() {
      return edges.length;
    }

    int rows() {
      return y.length;
    }
  }

  private final Binned data;
  private final UpliftForestParams params;
  private final UpliftCriterion criterion;
  private final int tried;
  private final SplittableRandom random;
  private final int[] candidates;
  private final List<double[]> nodes = new ArrayList<>();

  /**
   * @param tried how many features each split considers
   * @param seed this tree's seed
   */
  UpliftTreeGrower(Binned data, UpliftForestParams params, int tried, long seed) {
    this.data = data;
    this.params = params;
    this.criterion = UpliftCriterion.named(params.criterion());
    this.random = new SplittableRandom(seed);
    this.candidates =
        java.util.stream.IntStream.range(0, data.width())
            .filter(f -> data.edges[f].length > 0)
            .toArray();
    this.tried = Math.min(tried, candidates.length);
  }

  /**
   * The tree grown on a bootstrap sample of the rows, or under honest leaf rates on a random half,
   * its leaves' rates read from the other half.
   */
  UpliftForest.Tree grow() {
    int n = data.rows();
    int[] grow;
    int[] estimate;
    if (params.leafRates().equals("honest")) {
      int[] order = java.util.stream.IntStream.range(0, n).toArray();
      shuffle(order, order.length);
      grow = Arrays.copyOf(order, n / 2);
      estimate = Arrays.copyOfRange(order, n / 2, n);
    } else {
      grow = random.ints(n, 0, n).toArray();
      estimate = grow;
    }
    node(grow, estimate, 0, 0, 0);
    return UpliftForest.Tree.of(nodes);
  }

  /** Adds the node of these rows and its subtree; returns its index. */
  private int node(
      int[] rows, int[] estimate, int depth, double parentTreated, double parentControl) {
    Counts own = counts(estimate);
    double treatedRate = own.treated() > 0 ? own.treatedRate() : parentTreated;
    double controlRate = own.control() > 0 ? own.controlRate() : parentControl;
    int index = nodes.size();
    double[] node = {-1, 0, 0, 0, treatedRate, controlRate};
    nodes.add(node);
    Counts counts = counts(rows);
    if (depth >= params.maxDepth()
        || counts.treated() < 2 * params.minLeaf()
        || counts.control() < 2 * params.minLeaf()) {
      return index;
    }
    double[] best = bestSplit(rows, counts);
    if (best == null) {
      return index;
    }
    int feature = (int) best[0];
    int bin = (int) best[1];
    node[0] = feature;
    node[1] = data.edges[feature][bin];
    node[2] =
        node(
            side(rows, feature, bin, true),
            side(estimate, feature, bin, true),
            depth + 1,
            treatedRate,
            controlRate);
    node[3] =
        node(
            side(rows, feature, bin, false),
            side(estimate, feature, bin, false),
            depth + 1,
            treatedRate,
            controlRate);
    return index;
  }

  /** {feature, bin} of the split of largest positive gain, or null when none qualifies. */
  private double[] bestSplit(int[] rows, Counts counts) {
    shuffle(candidates, tried);
    double[] best = null;
    double bestGain = 0;
    for (int c = 0; c < tried; c++) {
      int f = candidates[c];
      int[][] histogram = new int[data.edges[f].length + 1][4];
      for (int r : rows) {
        int arm = data.treated[r] ? 0 : 2;
        int[] cell = histogram[data.bins[f][r]];
        cell[arm]++;
        cell[arm + 1] += data.y[r] ? 1 : 0;
      }
      int[] left = new int[4];
      for (int b = 0; b < data.edges[f].length; b++) {
        for (int k = 0; k < 4; k++) {
          left[k] += histogram[b][k];
        }
        Counts l = new Counts(left[0], left[1], left[2], left[3]);
        Counts right = counts.minus(l);
        if (Math.min(Math.min(l.treated(), l.control()), Math.min(right.treated(), right.control()))
            < params.minLeaf()) {
          continue;
        }
        double gain = criterion.gain(counts, l);
        if (gain > bestGain) {
          bestGain = gain;
          best = new double[] {f, b};
        }
      }
    }
    return best;
  }

  private Counts counts(int[] rows) {
    int[] c = new int[4];
    for (int r : rows) {
      int arm = data.treated[r] ? 0 : 2;
      c[arm]++;
      c[arm + 1] += data.y[r] ? 1 : 0;
    }
    return new Counts(c[0], c[1], c[2], c[3]);
  }

  private int[] side(int[] rows, int feature, int bin, boolean left) {
    byte[] bins = data.bins[feature];
    return Arrays.stream(rows).filter(r -> (bins[r] <= bin) == left).toArray();
  }

  /** Moves a random choice of {@code k} of the values to the front (a partial Fisher-Yates). */
  private void shuffle(int[] values, int k) {
    for (int i = 0; i < k; i++) {
      int j = i + random.nextInt(values.length - i);
      int swap = values[i];
      values[i] = values[j];
      values[j] = swap;
    }
  }
}
