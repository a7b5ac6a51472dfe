package dev.precis.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.precis.config.Mappers;
import dev.precis.data.SparseRows;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * An uplift random forest, uplift-forest.json: trees whose leaves hold the treated and the control
 * response rate of their rows. A row's uplift is the mean over the trees of its leaf's treated rate
 * minus its control rate, and each arm's probability the mean of that arm's rates. Saved as JSON
 * (each tree as parallel arrays of its nodes), checked when read back.
 *
 * @param name its entry in the bundle
 * @param width how many features the rows it scores have
 * @param trees the trees, in the order they were grown
 */
public record UpliftForest(String name, int width, List<Tree> trees) implements ModelArtifact {
  public static final String KIND = "uplift-forest";
  static final String NAME = "uplift-forest.json";

  /**
   * One tree as arrays indexed by node; node 0 is the root. A node whose feature is -1 is a leaf;
   * any other sends a row to {@code left} when its value of {@code feature} is at most {@code
   * threshold}, else to {@code right}. Every node keeps its rows' rates of both arms.
   */
  public record Tree(
      int[] feature,
      double[] threshold,
      int[] left,
      int[] right,
      double[] treated,
      double[] control) {
    /** The tree of the grower's nodes: {feature, threshold, left, right, treated, control}. */
    static Tree of(List<double[]> nodes) {
      int n = nodes.size();
      Tree tree =
          new Tree(new int[n], new double[n], new int[n], new int[n], new double[n], new double[n]);
      for (int i = 0; i < n; i++) {
        double[] node = nodes.get(i);
        tree.feature[i] = (int) node[0];
        tree.threshold[i] = node[1];
        tree.left[i] = (int) node[2];
        tree.right[i] = (int) node[3];
        tree.treated[i] = node[4];
        tree.control[i] = node[5];
      }
      return tree;
    }

    /** The leaf a row (given densely) falls in. */
    int leaf(double[] row) {
      int node = 0;
      while (feature[node] >= 0) {
        node = row[feature[node]] <= threshold[node] ? left[node] : right[node];
      }
      return node;
    }

    /**
     * @throws IOException unless every array has one entry per node, every split names a feature
     *     below {@code width} and children after itself (so every walk ends), and every rate is
     *     within [0, 1]
     */
    void check(int width) throws IOException {
      int n = feature.length;
      if (n == 0
          || threshold.length != n
          || left.length != n
          || right.length != n
          || treated.length != n
          || control.length != n) {
        throw new IOException("a tree's node arrays differ in length");
      }
      for (int i = 0; i < n; i++) {
        boolean split = feature[i] >= 0;
        if (split
            && (feature[i] >= width
                || left[i] <= i
                || right[i] <= i
                || left[i] >= n
                || right[i] >= n)) {
          throw new IOException("node " + i + " splits on a feature or child that is not there");
        }
        if (!(treated[i] >= 0 && treated[i] <= 1 && control[i] >= 0 && control[i] <= 1)) {
          throw new IOException("node " + i + " has a rate outside [0, 1]");
        }
      }
    }
  }

  /** The scorer of a bundle whose model is this forest. */
  static UpliftScorer scorerOf(ModelArtifact model, List<String> featureNames) {
    if (!(model instanceof UpliftForest forest)) {
      throw new IllegalArgumentException("an uplift-forest bundle holds a " + model.kind());
    }
    return forest.scorer(featureNames);
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public void save(OutputStream out) throws IOException {
    out.write(Mappers.json().writeValueAsBytes(new Saved(width, trees)));
  }

  record Saved(int width, List<Tree> trees) {}

  /**
   * Reads a forest saved by {@link #save}.
   *
   * @throws IOException when the bytes are not one, or a tree is malformed
   */
  static UpliftForest load(String name, byte[] bytes) throws IOException {
    Saved saved;
    try {
      saved = Mappers.json().readValue(bytes, Saved.class);
    } catch (JsonProcessingException e) {
      throw new IOException("not an uplift forest: " + e.getOriginalMessage(), e);
    }
    if (saved.trees() == null || saved.trees().isEmpty()) {
      throw new IOException("an uplift forest without trees");
    }
    for (Tree tree : saved.trees()) {
      tree.check(saved.width());
    }
    return new UpliftForest(name, saved.width(), saved.trees());
  }

  @Override
  public Map<String, Object> fitSummary() {
    double leaves = 0;
    for (Tree tree : trees) {
      leaves += java.util.Arrays.stream(tree.feature()).filter(f -> f < 0).count();
    }
    return Map.of("trees", trees.size(), "mean_leaves", leaves / trees.size());
  }

  /**
   * @throws IllegalArgumentException when the pipeline's features are not as many as the forest's
   */
  @Override
  public UpliftScorer scorer(List<String> featureNames) {
    if (featureNames.size() != width) {
      throw new IllegalArgumentException(
          "the forest was grown on " + width + " features, not " + featureNames.size());
    }
    return new UpliftScorer() {
      @Override
      public void score(SparseRows rows, int n, double[] scores) {
        double[] control = new double[n];
        arms(rows, n, scores, control);
        for (int r = 0; r < n; r++) {
          scores[r] -= control[r];
        }
      }

      @Override
      public boolean hasArms() {
        return true;
      }

      @Override
      public void arms(SparseRows rows, int n, double[] treated, double[] control) {
        double[] row = new double[width];
        for (int r = 0; r < n; r++) {
          rows.dense(r, row);
          double t = 0;
          double c = 0;
          for (Tree tree : trees) {
            int leaf = tree.leaf(row);
            t += tree.treated[leaf];
            c += tree.control[leaf];
          }
          treated[r] = t / trees.size();
          control[r] = c / trees.size();
        }
      }
    };
  }
}
