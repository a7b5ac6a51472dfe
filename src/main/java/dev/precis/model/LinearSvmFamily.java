package dev.precis.model;

import dev.precis.config.EngineConfig;
import dev.precis.data.EncodedData;
import dev.precis.data.PipelineNeeds;
import java.util.List;
import java.util.Map;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;

/**
 * A linear support vector machine: L2-regularised, squared hinge loss, solved by Tribuo's LibLinear
 * trainer. An SVM gives a margin, not a probability: the model's score is the logistic function of
 * the margin (see {@link MarginScorer}), a number in [0, 1] that ranks rows as the margin does but
 * is not calibrated; model.calibration turns it into a probability.
 */
final class LinearSvmFamily extends TypedFamily<LinearSvmParams> {
  static final List<ParamSpec> PARAMS =
      List.of(
          ParamSpec.real(
              "cost",
              1.0,
              1e-6,
              1e6,
              "cost of a margin violation (C); larger fits the training rows more closely"),
          ParamSpec.real("epsilon", 0.01, 1e-9, 1, "the solver's stopping tolerance"),
          ParamSpec.integer("max_iterations", 1000, 1, 1_000_000, "the most solver iterations"));
  static final Map<String, Object> SPACE =
      Map.of("cost", Map.of("min", 0.001, "max", 10.0, "log", true));

  LinearSvmFamily() {
    super(LinearSvmParams.class, PipelineNeeds.SCALED);
  }

  /** Its scores are squashed margins, so model.calibration auto calibrates them with Platt. */
  @Override
  public boolean probabilistic() {
    return false;
  }

  @Override
  public ModelArtifact fit(
      EncodedData train,
      EncodedData valid,
      LinearSvmParams params,
      Task task,
      EngineConfig engine,
      long seed) {
    var trainer =
        new LibLinearClassificationTrainer(
            new LinearClassificationType(LinearClassificationType.LinearType.L2R_L2LOSS_SVC),
            params.cost(),
            params.maxIterations(),
            params.epsilon(),
            seed);
    if (!train.weights().uniform()) {
      // LibLinear takes no example weights, but a weight per class (its C per class)
      trainer.setLabelWeights(
          Map.of(
              Labels.POSITIVE, (float) train.weights().positive(),
              Labels.NEGATIVE, (float) train.weights().negative()));
    }
    return TribuoTraining.fit("linear-svm", trainer, train);
  }
}
