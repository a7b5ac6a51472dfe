package dev.precis.model;

import dev.precis.config.EngineConfig;
import dev.precis.data.EncodedData;
import dev.precis.data.PipelineNeeds;
import java.util.List;
import java.util.Map;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.AdaGrad;

/** Logistic regression fitted by Tribuo's stochastic gradient descent with AdaGrad steps. */
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
        new LinearSGDTrainer(
            new LogMulticlass(),
            new AdaGrad(params.learningRate(), 1e-6),
            params.epochs(),
            Integer.MAX_VALUE,
            params.batchSize(),
            seed);
    return new TribuoModelArtifact(
        TribuoModelArtifact.MODEL,
        trainer.train(TribuoData.dataset(train, "precis training rows")));
  }
}
