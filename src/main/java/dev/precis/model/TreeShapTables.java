package dev.precis.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.precis.PrecisException;
import dev.precis.config.Mappers;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * A booster's path-dependent TreeSHAP values worked out in Java from tables made once per model
 * (Fast TreeSHAP v2, Yang 2021). What a leaf adds to the Shapley value of each feature on its path
 * depends on the row only through which of the path's features the row follows the path on, so it
 * is computed ahead for each leaf and each such set; a row then costs one pass over each tree's
 * nodes and leaves, where XGBoost's own TreeSHAP (predictContrib) works the sums out again for
 * every row and tree. The values are XGBoost's but for rounding. Thread-safe.
 */
final class TreeShapTables {
  /**
   * Distinct features on a leaf's path beyond which the tables (2^k entries of k values per leaf)
   * grow too large: a deeper booster is explained by XGBoost's own TreeSHAP.
   */
  static final int MAX_PATH_FEATURES = 10;

  private final Tree[] trees;

  private TreeShapTables(Tree[] trees) {
    this.trees = trees;
  }

  /**
   * The tables of the first {@code rounds} trees, or empty when a leaf's path has more than {@link
   * #MAX_PATH_FEATURES} distinct features.
   */
  static Optional<TreeShapTables> of(Booster booster, int rounds) {
    JsonNode model;
    try {
      byte[] json;
      synchronized (booster) {
        json = booster.toByteArray("json");
      }
      model = Mappers.json().readTree(json);
    } catch (XGBoostError | IOException e) {
      throw new PrecisException(1, "XGBoost could not give its trees for explanations", e);
    }
    JsonNode list = model.path("learner").path("gradient_booster").path("model").path("trees");
    Tree[] trees = new Tree[Math.min(rounds, list.size())];
    for (int t = 0; t < trees.length; t++) {
      trees[t] = Tree.of(list.get(t));
      if (trees[t] == null) {
        return Optional.empty();
      }
    }
    return Optional.of(new TreeShapTables(trees));
  }

  /**
   * Adds each feature's Shapley value for the row {@code x} (NaN where the row lacks the feature,
   * which XGBoost reads as missing) to {@code out} at its column; {@code followed} is scratch space
   * of at least {@link #maxNodes()}.
   */
  void add(float[] x, int[] columnOf, int[] followed, double[] out) {
    for (Tree tree : trees) {
      tree.add(x, columnOf, followed, out);
    }
  }

  /** The most nodes of any tree. */
  int maxNodes() {
    int most = 0;
    for (Tree tree : trees) {
      most = Math.max(most, tree.feature.length);
    }
    return most;
  }

  /**
   * One tree: its splits; per node below the root its parent, which side of it the node is on, and
   * the position of the parent's feature among the distinct features of the paths through the node
   * (the same for every path through it, as positions go by first appearance from the root); per
   * leaf its distinct features and the table of what it adds to each of them for each set of
   * positions the row follows the path on. A child's index is above its parent's, as XGBoost adds
   * nodes.
   */
  private record Tree(
      int[] feature,
      float[] condition,
      boolean[] defaultLeft,
      int[] parent,
      boolean[] isLeft,
      int[] position,
      int[] leafNode,
      int[] pathStart,
      int[] pathFeature,
      int[] tableStart,
      float[] table) {

    /** Reads XGBoost's JSON tree; null when a path has too many distinct features. */
    static Tree of(JsonNode json) {
      int[] left = ints(json.get("left_children"));
      int[] right = ints(json.get("right_children"));
      int[] feature = ints(json.get("split_indices"));
      double[] values = doubles(json.get("split_conditions"));
      double[] cover = doubles(json.get("sum_hessian"));
      int[] defaults = ints(json.get("default_left"));
      int nodes = left.length;
      float[] condition = new float[nodes];
      boolean[] defaultLeft = new boolean[nodes];
      for (int node = 0; node < nodes; node++) {
        condition[node] = (float) values[node];
        defaultLeft[node] = defaults[node] != 0;
      }
      Builder builder = new Builder(left, right, feature, values, cover);
      if (!builder.walk(0, new int[64], new boolean[64], 0)) {
        return null;
      }
      return new Tree(
          feature,
          condition,
          defaultLeft,
          builder.parent,
          builder.isLeft,
          builder.position,
          builder.leafNode.toArray(),
          builder.pathStart.toArray(),
          builder.pathFeature.toArray(),
          builder.tableStart.toArray(),
          builder.table.toArray());
    }

    /** {@code followed[node]}: the positions the row follows the path on, from the root down. */
    void add(float[] x, int[] columnOf, int[] followed, double[] out) {
      followed[0] = -1;
      for (int node = 1; node < parent.length; node++) {
        int up = parent[node];
        if (up < 0) {
          continue; // a node no path reaches (pruned)
        }
        float value = x[feature[up]];
        boolean left = Float.isNaN(value) ? defaultLeft[up] : value < condition[up];
        followed[node] =
            left == isLeft[node] ? followed[up] : followed[up] & ~(1 << position[node]);
      }
      for (int leaf = 0; leaf < leafNode.length; leaf++) {
        int width = pathStart[leaf + 1] - pathStart[leaf];
        int at = tableStart[leaf] + (followed[leafNode[leaf]] & ((1 << width) - 1)) * width;
        for (int i = 0; i < width; i++) {
          out[columnOf[pathFeature[pathStart[leaf] + i]]] += table[at + i];
        }
      }
    }

    private static int[] ints(JsonNode array) {
      int[] values = new int[array.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = array.get(i).asInt();
      }
      return values;
    }

    private static double[] doubles(JsonNode array) {
      double[] values = new double[array.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = array.get(i).asDouble();
      }
      return values;
    }
  }

  /** Walks a tree's paths and makes each leaf's steps and table. */
  private static final class Builder {
    private final int[] left;
    private final int[] right;
    private final int[] feature;
    private final double[] values;
    private final double[] cover;
    final int[] parent;
    final boolean[] isLeft;
    final int[] position;
    final Ints leafNode = new Ints();
    final Ints pathStart = new Ints();
    final Ints pathFeature = new Ints();
    final Ints tableStart = new Ints();
    final Floats table = new Floats();

    Builder(int[] left, int[] right, int[] feature, double[] values, double[] cover) {
      this.left = left;
      this.right = right;
      this.feature = feature;
      this.values = values;
      this.cover = cover;
      this.parent = new int[left.length];
      this.isLeft = new boolean[left.length];
      this.position = new int[left.length];
      java.util.Arrays.fill(parent, -1);
      pathStart.add(0);
    }

    /**
     * Walks the subtree under {@code node}, reached by the splits path[0..depth); false if too deep
     * or a child's index is not above its parent's.
     */
    boolean walk(int node, int[] path, boolean[] wentLeft, int depth) {
      if (depth > 0) {
        int up = path[depth - 1];
        parent[node] = up;
        isLeft[node] = wentLeft[depth - 1];
        position[node] = positionOf(path, depth - 1);
        if (node <= up) {
          return false;
        }
      }
      if (left[node] < 0) {
        return leaf(node, path, wentLeft, depth);
      }
      if (depth == path.length) {
        return false;
      }
      path[depth] = node;
      wentLeft[depth] = true;
      if (!walk(left[node], path, wentLeft, depth + 1)) {
        return false;
      }
      wentLeft[depth] = false;
      return walk(right[node], path, wentLeft, depth + 1);
    }

    /** The position of path[d]'s feature among the distinct features of path[0..d]. */
    private int positionOf(int[] path, int d) {
      int position = 0;
      for (int e = 0; e < d; e++) {
        boolean first = true;
        for (int g = 0; g < e; g++) {
          first &= feature[path[g]] != feature[path[e]];
        }
        if (feature[path[e]] == feature[path[d]]) {
          return position;
        }
        position += first ? 1 : 0;
      }
      return position;
    }

    private boolean leaf(int node, int[] path, boolean[] wentLeft, int depth) {
      int[] distinct = new int[depth];
      double[] zero = new double[depth];
      int width = 0;
      for (int d = 0; d < depth; d++) {
        int split = path[d];
        int child = wentLeft[d] ? left[split] : right[split];
        int position = 0;
        while (position < width && distinct[position] != feature[split]) {
          position++;
        }
        if (position == width) {
          if (width == MAX_PATH_FEATURES) {
            return false;
          }
          distinct[width] = feature[split];
          zero[width++] = 1;
        }
        // the share of the training rows (by hessian) that take this branch
        zero[position] *= cover[child] / cover[split];
      }
      leafNode.add(node);
      for (int i = 0; i < width; i++) {
        pathFeature.add(distinct[i]);
      }
      pathStart.add(pathFeature.size());
      tableStart.add(table.size());
      double[] weights = shapleyWeights(width);
      for (int followed = 0; followed < 1 << width; followed++) {
        for (int i = 0; i < width; i++) {
          table.add(values[node] * shareOf(i, followed, zero, width, weights));
        }
      }
      return true;
    }

    /**
     * What a leaf worth 1 adds to the Shapley value of its path's i-th feature when the row follows
     * the path on the features in {@code followed}: (o_i - z_i) times the sum over the sets S of
     * other followed features of |S|! (m - |S| - 1)! / m! times the zero fractions of the others.
     */
    private static double shareOf(int i, int followed, double[] zero, int width, double[] weights) {
      double[] polynomial = new double[width + 1];
      polynomial[0] = 1;
      int degree = 0;
      for (int j = 0; j < width; j++) {
        if (j == i) {
          continue;
        }
        boolean on = (followed >> j & 1) != 0;
        for (int s = degree + (on ? 1 : 0); s >= 0; s--) {
          polynomial[s] = polynomial[s] * zero[j] + (on && s > 0 ? polynomial[s - 1] : 0);
        }
        degree += on ? 1 : 0;
      }
      double sum = 0;
      for (int s = 0; s <= degree; s++) {
        sum += polynomial[s] * weights[s];
      }
      return (((followed >> i) & 1) - zero[i]) * sum;
    }

    /** s! (m - s - 1)! / m! for s in [0, m). */
    private static double[] shapleyWeights(int m) {
      double[] weights = new double[Math.max(1, m)];
      for (int s = 0; s < m; s++) {
        double w = 1.0 / m;
        // 1/m / C(m-1, s)
        for (int k = 1; k <= s; k++) {
          w *= (double) k / (m - k);
        }
        weights[s] = w;
      }
      return weights;
    }
  }

  /** A growing int array. */
  private static final class Ints {
    private int[] values = new int[16];
    private int size;

    void add(int value) {
      if (size == values.length) {
        values = Arrays.copyOf(values, 2 * size);
      }
      values[size++] = value;
    }

    int size() {
      return size;
    }

    int[] toArray() {
      return Arrays.copyOf(values, size);
    }
  }

  /**
   * A growing float array: the tables in floats, as XGBoost keeps its values, take half the cache.
   */
  private static final class Floats {
    private float[] values = new float[16];
    private int size;

    void add(double value) {
      if (size == values.length) {
        values = Arrays.copyOf(values, 2 * size);
      }
      values[size++] = (float) value;
    }

    int size() {
      return size;
    }

    float[] toArray() {
      return Arrays.copyOf(values, size);
    }
  }
}
