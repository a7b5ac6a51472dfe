package dev.precis.model;

import dev.precis.config.EngineConfig;
import dev.precis.data.EncodedData;
import dev.precis.data.PipelineNeeds;
import java.util.List;
import java.util.Map;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.dtree.impurity.Entropy;
import org.tribuo.classification.dtree.impurity.GiniIndex;

/**
 * One classification tree, grown by Tribuo's CART trainer. Its score is the share of positive
 * training rows in the row's leaf.
 */
final class TreeFamily extends TypedFamily<TreeParams> {
  static final List<String> IMPURITIES = List.of("gini", "entropy");
  static final List<ParamSpec> PARAMS =
      List.of(
          ParamSpec.integer("max_depth", 8, 0, 1000, "deepest split level; 0 for no limit"),
          ParamSpec.integer(
              "min_samples_leaf", 20, 1, 1_000_000, "fewest training rows a leaf may hold"),
          ParamSpec.choice("impurity", "gini", IMPURITIES, "split criterion: gini or entropy"));
  static final Map<String, Object> SPACE =
      Map.of(
          "max_depth", List.of(4, 6, 8, 12),
          "min_samples_leaf", List.of(5, 20, 50, 100),
          "impurity", IMPURITIES);

  TreeFamily() {
    super(TreeParams.class, PipelineNeeds.RAW);
  }

  @Override
  public ModelArtifact fit(
      EncodedData train,
      EncodedData valid,
      TreeParams params,
      Task task,
      EngineConfig engine,
      long seed) {
    var trainer =
        cart(params.maxDepth(), params.minSamplesLeaf(), 1f, false, params.impurity(), seed);
    return TribuoTraining.fit("tree", trainer, train);
  }

  /**
   * A CART trainer, for one tree or a forest's.
   *
   * @param maxDepth 0 for no limit
   * @param featureFraction the share of features each split considers, in (0, 1]
   * @param randomSplits whether split points are drawn at random (extra trees)
   */
  static CARTClassificationTrainer cart(
      int maxDepth,
      int minSamplesLeaf,
      float featureFraction,
      boolean randomSplits,
      String impurity,
      long seed) {
    return new CARTClassificationTrainer(
        maxDepth == 0 ? Integer.MAX_VALUE : maxDepth,
        minSamplesLeaf,
        0f,
        featureFraction,
        randomSplits,
        impurity.equals("entropy") ? new Entropy() : new GiniIndex(),
        seed);
  }
}
