package dev.precis.model;

import dev.precis.config.EngineConfig;
import dev.precis.data.EncodedData;
import dev.precis.data.PipelineNeeds;
import java.util.List;
import java.util.Map;
import org.tribuo.classification.sgd.fm.FMClassificationTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.StochasticGradientOptimiser;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.math.optimisers.Adam;

/**
 * A factorisation machine: a logistic model plus pairwise feature interactions through low-rank
 * factors, fitted by Tribuo's FM trainer with stochastic gradient steps on the log loss, one row
 * per step: Tribuo 4.3's FM trainer merges the factor gradients of a larger batch wrongly (it takes
 * the first factor tensor for every one) and fails.
 */
final class FmFamily extends TypedFamily<FmParams> {
  static final List<String> OPTIMIZERS = List.of("adagrad", "adam");
  static final List<ParamSpec> PARAMS =
      List.of(
          ParamSpec.integer(
              "factors", 8, 1, 1024, "size of each feature's factor vector (interaction rank)"),
          ParamSpec.integer("epochs", 10, 1, 1000, "passes over the training rows"),
          ParamSpec.real("learning_rate", 0.05, 1e-6, 10, "the optimiser's step size"),
          ParamSpec.choice("optimizer", "adagrad", OPTIMIZERS, "gradient method: adagrad or adam"),
          ParamSpec.real("variance", 0.01, 1e-9, 10, "variance of the random initial factors"));
  static final Map<String, Object> SPACE =
      Map.of(
          "factors", List.of(4, 8, 16),
          "learning_rate", Map.of("min", 0.005, "max", 0.3, "log", true),
          "epochs", Map.of("min", 3, "max", 30));

  FmFamily() {
    super(FmParams.class, PipelineNeeds.SCALED);
  }

  /** Fits on the training rows alone; SGD runs its set number of epochs. */
  @Override
  public ModelArtifact fit(
      EncodedData train,
      EncodedData valid,
      FmParams params,
      Task task,
      EngineConfig engine,
      long seed) {
    var trainer =
        new FMClassificationTrainer(
            new LogMulticlass(),
            optimiser(params),
            params.epochs(),
            Integer.MAX_VALUE,
            1,
            seed,
            params.factors(),
            params.variance());
    return TribuoTraining.fit("fm", trainer, train);
  }

  private static StochasticGradientOptimiser optimiser(FmParams params) {
    return params.optimizer().equals("adam")
        ? new Adam(params.learningRate(), 0.9, 0.999, 1e-8)
        : new AdaGrad(params.learningRate(), 1e-6);
  }
}
