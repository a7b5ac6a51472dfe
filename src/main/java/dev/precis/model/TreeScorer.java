package dev.precis.model;

import dev.precis.data.SparseRows;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.common.tree.LeafNode;
import org.tribuo.common.tree.Node;
import org.tribuo.common.tree.SplitNode;
import org.tribuo.common.tree.TreeModel;
import org.tribuo.ensemble.WeightedEnsembleModel;

/**
 * Scores a tree, or a forest that Precis grew, by walking its nodes laid out in arrays: Tribuo
 * builds a prediction object per tree and row, which makes a forest of hundreds of trees score a
 * hundred times slower. It gives Tribuo's score: a tree's is the positive share of its leaf's
 * distribution; a forest's, combined with equal weights as Precis always grows them, is the sum of
 * its trees' positive shares over the sum of their whole distributions. As Tribuo does, a split
 * sends a row right when its feature is greater than the split value, an absent feature being 0.
 */
final class TreeScorer implements Scorer {
  private final int width;
  private final int[] roots;

  /** A split's pipeline feature, or -1 for a leaf. */
  private final int[] feature;

  private final double[] threshold;
  private final int[] lessOrEqual;
  private final int[] greater;
  private final double[] positive;
  private final double[] total;

  private TreeScorer(List<TreeModel<Label>> trees, List<String> featureNames) {
    this.width = featureNames.size();
    Nodes nodes = new Nodes();
    roots = new int[trees.size()];
    for (int t = 0; t < roots.length; t++) {
      TreeModel<Label> tree = trees.get(t);
      int[] pipelineIndex = new int[tree.getFeatureIDMap().size()];
      java.util.Arrays.fill(pipelineIndex, width);
      for (int f = 0; f < featureNames.size(); f++) {
        int id = tree.getFeatureIDMap().getID(featureNames.get(f));
        if (id >= 0) {
          pipelineIndex[id] = f;
        }
      }
      roots[t] = nodes.add(tree.getRoot(), pipelineIndex);
    }
    feature = nodes.feature.stream().mapToInt(Integer::intValue).toArray();
    threshold = nodes.threshold.stream().mapToDouble(Double::doubleValue).toArray();
    lessOrEqual = nodes.lessOrEqual.stream().mapToInt(Integer::intValue).toArray();
    greater = nodes.greater.stream().mapToInt(Integer::intValue).toArray();
    positive = nodes.positive.stream().mapToDouble(Double::doubleValue).toArray();
    total = nodes.total.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /**
   * The scorer of a tree, or of a forest that {@link ForestFamily} grew (known by its name: Tribuo
   * does not tell an ensemble's combiner or weights); empty for another model.
   */
  @SuppressWarnings("unchecked")
  static Optional<Scorer> of(Model<Label> model, List<String> featureNames) {
    if (model instanceof TreeModel<Label> tree) {
      return Optional.of(new TreeScorer(List.of(tree), featureNames));
    }
    if (model instanceof WeightedEnsembleModel<Label> forest
        && ForestFamily.NAMES.contains(forest.getName())
        && forest.getModels().stream().allMatch(m -> m instanceof TreeModel)) {
      List<TreeModel<Label>> trees = new ArrayList<>();
      forest.getModels().forEach(m -> trees.add((TreeModel<Label>) m));
      return Optional.of(new TreeScorer(trees, featureNames));
    }
    return Optional.empty();
  }

  @Override
  public void score(SparseRows rows, int n, double[] scores) {
    // One slot past the features stays 0: where a split on a feature the pipeline lacks reads.
    double[] values = new double[width + 1];
    boolean single = roots.length == 1;
    for (int r = 0; r < n; r++) {
      for (int k = rows.start(r); k < rows.end(r); k++) {
        values[rows.feature(k)] = rows.value(k);
      }
      double sumPositive = 0;
      double sumTotal = 0;
      for (int root : roots) {
        int node = root;
        while (feature[node] >= 0) {
          node = values[feature[node]] > threshold[node] ? greater[node] : lessOrEqual[node];
        }
        sumPositive += positive[node];
        sumTotal += total[node];
      }
      scores[r] = single ? sumPositive : sumPositive / sumTotal;
      for (int k = rows.start(r); k < rows.end(r); k++) {
        values[rows.feature(k)] = 0.0;
      }
    }
  }

  /** The nodes of every tree, in arrays that grow as trees are added. */
  private static final class Nodes {
    final List<Integer> feature = new ArrayList<>();
    final List<Double> threshold = new ArrayList<>();
    final List<Integer> lessOrEqual = new ArrayList<>();
    final List<Integer> greater = new ArrayList<>();
    final List<Double> positive = new ArrayList<>();
    final List<Double> total = new ArrayList<>();

    /** Adds a subtree; returns the index of its root. */
    int add(Node<Label> node, int[] pipelineIndex) {
      int index = feature.size();
      feature.add(-1);
      threshold.add(0.0);
      lessOrEqual.add(-1);
      greater.add(-1);
      positive.add(0.0);
      total.add(0.0);
      if (node instanceof SplitNode<Label> split) {
        feature.set(index, pipelineIndex[split.getFeatureID()]);
        threshold.set(index, split.splitValue());
        lessOrEqual.set(index, add(split.getLessThanOrEqual(), pipelineIndex));
        greater.set(index, add(split.getGreaterThan(), pipelineIndex));
      } else {
        LeafNode<Label> leaf = (LeafNode<Label>) node;
        Label p = leaf.getDistribution().get(Labels.POSITIVE_NAME);
        positive.set(index, p == null ? 0.0 : p.getScore());
        total.set(
            index, leaf.getDistribution().values().stream().mapToDouble(Label::getScore).sum());
      }
      return index;
    }
  }
}
