package dev.precis.model;

import dev.precis.config.EngineConfig;
import dev.precis.data.EncodedData;
import dev.precis.data.PipelineNeeds;
import java.util.List;
import java.util.Map;

/**
 * Logistic regression fitted by stochastic gradient descent with AdaGrad steps, as Tribuo's
 * LinearSGDTrainer fits it (see {@link SparseLogisticTrainer}).
 */
final class LogisticFamily extends TypedFamily<LogisticParams> {
  static final List<ParamSpec> PARAMS =
      List.of(
          ParamSpec.integer("epochs", 10, 1, 1000, "passes over the training rows"),
          ParamSpec.real("learning_rate", 0.1, 1e-6, 10, "AdaGrad's initial step size"),
          ParamSpec.integer("batch_size", 16, 1, 65536, "rows per gradient step"));
  static final Map<String, Object> SPACE =
      Map.of(
          "learning_rate", Map.of("min", 0.01, "max", 1.0, "log", true),
          "epochs", Map.of("min", 3, "max", 20),
          "batch_size", List.of(1, 16, 64));

  LogisticFamily() {
    super(LogisticParams.class, PipelineNeeds.SCALED);
  }

  /** Fits on the training rows alone; SGD runs its set number of epochs. */
  @Override
  public ModelArtifact fit(
      EncodedData train,
      EncodedData valid,
      LogisticParams params,
      Task task,
      EngineConfig engine,
      long seed) {
    var trainer =
        new SparseLogisticTrainer(params.epochs(), params.learningRate(), params.batchSize(), seed);
    return TribuoTraining.artifact("logistic", () -> trainer.fit(train, engine.effectiveThreads()));
  }
}
