package dev.precis.model;

import dev.precis.config.EngineConfig;
import dev.precis.data.EncodedData;
import dev.precis.data.PipelineNeeds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.ensemble.FullyWeightedVotingCombiner;
import org.tribuo.common.tree.ExtraTreesTrainer;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.ensemble.BaggingTrainer;
import org.tribuo.ensemble.EnsembleModel;
import org.tribuo.ensemble.WeightedEnsembleModel;

/**
 * A random forest or extremely randomised trees, grown by Tribuo's RandomForestTrainer or
 * ExtraTreesTrainer over its CART trainer. The score is the mean over the trees of the share of
 * positive training rows in the row's leaf.
 *
 * <p>Tribuo 4.3 grows a forest's trees one after another. The forest is grown as groups of {@link
 * #GROUP} trees, each group by its own trainer with its own seed drawn from the run's seed, on as
 * many threads as engine.threads allows, and the groups' trees are then joined in group order: the
 * groups do not depend on the thread count, so neither does the forest.
 */
final class ForestFamily extends TypedFamily<ForestParams> {
  static final int GROUP = 4;
  static final List<String> KINDS = List.of("random", "extra");

  /** The names of the forests this family grows, by kind: how {@link TreeScorer} knows them. */
  static final List<String> NAMES = List.of("random-forest", "extra-trees");

  /** Also the uplift forest's: both read 0 as the square root of the feature count. */
  static final ParamSpec FEATURE_FRACTION =
      ParamSpec.real(
          "feature_fraction",
          0.0,
          0.0,
          1.0,
          "share of the features each split considers; 0 for the square root of their number");

  static final List<ParamSpec> PARAMS =
      List.of(
          ParamSpec.integer("trees", 100, 1, 100_000, "trees in the forest"),
          ParamSpec.choice(
              "kind",
              "random",
              KINDS,
              "random: each split is the best of a random subset of features (random forest);"
                  + " extra: split points drawn at random too (extra trees)"),
          ParamSpec.integer("max_depth", 12, 0, 1000, "deepest split level; 0 for no limit"),
          ParamSpec.integer(
              "min_samples_leaf", 20, 1, 1_000_000, "fewest training rows a leaf may hold"),
          FEATURE_FRACTION,
          ParamSpec.choice(
              "impurity", "gini", TreeFamily.IMPURITIES, "split criterion: gini or entropy"));
  static final Map<String, Object> SPACE =
      Map.of(
          "kind", KINDS,
          "max_depth", List.of(6, 8, 12, 16, 0),
          "min_samples_leaf", List.of(5, 10, 20, 50, 100),
          "feature_fraction", List.of(0.0, 0.2, 0.35, 0.5));

  ForestFamily() {
    super(ForestParams.class, PipelineNeeds.RAW);
  }

  @Override
  public ModelArtifact fit(
      EncodedData train,
      EncodedData valid,
      ForestParams params,
      Task task,
      EngineConfig engine,
      long seed) {
    Dataset<Label> rows = TribuoTraining.dataset(train);
    float fraction = featureFraction(params.featureFraction(), train.featureNames().size());
    return TribuoTraining.artifact(
        "forest",
        () -> grow(rows, params, fraction, new SplittableRandom(seed), engine.effectiveThreads()));
  }

  /** 0 means the customary square root of the feature count. */
  static float featureFraction(double configured, int features) {
    if (configured > 0) {
      return (float) configured;
    }
    return (float) Math.min(1.0, Math.sqrt(features) / features);
  }

  private static Model<Label> grow(
      Dataset<Label> rows,
      ForestParams params,
      float fraction,
      SplittableRandom seeds,
      int threads) {
    List<Callable<Model<Label>>> groups = new ArrayList<>();
    for (int first = 0; first < params.trees(); first += GROUP) {
      Trainer<Label> group =
          group(params, fraction, Math.min(GROUP, params.trees() - first), seeds.nextLong());
      groups.add(() -> group.train(rows));
    }
    List<Model<Label>> trees = new ArrayList<>();
    for (Model<Label> group : ParallelGrowth.inOrder(groups, threads, "the forest")) {
      trees.addAll(((EnsembleModel<Label>) group).getModels());
    }
    return WeightedEnsembleModel.createEnsembleFromExistingModels(
        NAMES.get(KINDS.indexOf(params.kind())), trees, new FullyWeightedVotingCombiner());
  }

  /**
   * Tribuo's trainer for one group of trees. A random forest that considers every feature is plain
   * bagging, which RandomForestTrainer refuses, so BaggingTrainer grows it.
   */
  private static Trainer<Label> group(ForestParams params, float fraction, int trees, long seed) {
    boolean extra = params.kind().equals("extra");
    var cart =
        TreeFamily.cart(
            params.maxDepth(), params.minSamplesLeaf(), fraction, extra, params.impurity(), seed);
    var combiner = new FullyWeightedVotingCombiner();
    if (extra) {
      return new ExtraTreesTrainer<>(cart, combiner, trees, seed);
    }
    return fraction < 1f
        ? new RandomForestTrainer<>(cart, combiner, trees, seed)
        : new BaggingTrainer<>(cart, combiner, trees, seed);
  }
}
