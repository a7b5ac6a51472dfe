package dev.precis.model;

import dev.precis.PrecisException;
import dev.precis.config.EngineConfig;
import dev.precis.data.EncodedData;
import dev.precis.data.PipelineNeeds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

/**
 * The uplift random forest (model.uplift: forest): trees that split where the treated and control
 * arms' outcomes diverge most (Rzepakowski and Jaroszewicz 2012), as CausalML's
 * UpliftRandomForestClassifier and H2O's Uplift DRF grow them. An uplift model of its own, not a
 * base learner: it fits the rows of both arms at once. Each tree has its own seed, drawn in turn
 * from the run's seed, and the trees are grown on engine.threads and kept in their order, so the
 * forest does not depend on the thread count.
 */
final class UpliftForestFamily extends TypedFamily<UpliftForestParams> {
  /** Its name under model.type. */
  static final String TYPE = "uplift-forest";

  /** Beyond this many features (text or hashed columns) the binned rows would not fit in memory. */
  static final int MAX_FEATURES = 4096;

  static final List<ParamSpec> PARAMS =
      List.of(
          ParamSpec.integer("trees", 100, 1, 10_000, "trees in the forest"),
          ParamSpec.integer("max_depth", 8, 1, 30, "deepest split level"),
          ParamSpec.integer(
              "min_leaf", 100, 1, 1_000_000, "fewest training rows of each arm a leaf may hold"),
          ForestFamily.FEATURE_FRACTION,
          ParamSpec.choice(
              "criterion",
              "kl",
              List.of("kl", "ed", "chi"),
              "divergence between the arms' outcomes a split raises: Kullback-Leibler, squared"
                  + " Euclidean or chi-squared"),
          ParamSpec.choice(
              "leaf_rates",
              "same",
              List.of("same", "honest"),
              "same: leaves' rates from the bootstrap rows that grew the tree; honest: half the"
                  + " rows grow it, the other half give its leaves' rates"));

  static final Map<String, Object> SPACE =
      Map.of(
          "max_depth", List.of(4, 6, 8, 12),
          "min_leaf", List.of(25, 50, 100, 200, 400),
          "feature_fraction", List.of(0.0, 0.35, 0.5),
          "criterion", List.of("kl", "ed", "chi"));

  UpliftForestFamily() {
    super(UpliftForestParams.class, PipelineNeeds.RAW);
  }

  /**
   * @param train rows of both arms ({@link EncodedData#treated()})
   * @param valid not watched: each tree's own sample decides its splits
   * @throws PrecisException (usage) for more than {@link #MAX_FEATURES} features
   */
  @Override
  public ModelArtifact fit(
      EncodedData train,
      EncodedData valid,
      UpliftForestParams params,
      Task task,
      EngineConfig engine,
      long seed) {
    int width = train.featureNames().size();
    if (width > MAX_FEATURES) {
      throw PrecisException.usage(
          "model.type: uplift-forest grows on tabular features; this pipeline makes "
              + width
              + " (text or hashed columns), more than "
              + MAX_FEATURES
              + ": drop those columns or use model.uplift: two-model");
    }
    UpliftTreeGrower.Binned binned = UpliftTreeGrower.Binned.of(train);
    int tried =
        Math.max(
            1,
            (int)
                Math.ceil(
                    params.featureFraction() > 0
                        ? params.featureFraction() * width
                        : Math.sqrt(width)));
    SplittableRandom seeds = new SplittableRandom(seed);
    List<Callable<UpliftForest.Tree>> growers = new ArrayList<>();
    for (int t = 0; t < params.trees(); t++) {
      growers.add(new UpliftTreeGrower(binned, params, tried, seeds.nextLong())::grow);
    }
    List<UpliftForest.Tree> trees =
        ParallelGrowth.inOrder(growers, engine.effectiveThreads(), "the uplift forest");
    return new UpliftForest(UpliftForest.NAME, width, trees);
  }
}
