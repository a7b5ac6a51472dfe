package dev.precis.model;

import dev.precis.config.EngineConfig;
import dev.precis.data.EncodedData;
import java.util.List;
import java.util.Map;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.AdaGrad;

/** Logistic regression fitted by Tribuo's stochastic gradient descent with AdaGrad steps. */
final class LogisticFamily implements ModelFamily {
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

  @Override
  public Model<Label> fit(
      EncodedData train, Map<String, Object> params, long seed, EngineConfig engine) {
    var trainer =
        new LinearSGDTrainer(
            new LogMulticlass(),
            new AdaGrad((Double) params.get("learning_rate"), 1e-6),
            (Integer) params.get("epochs"),
            Integer.MAX_VALUE,
            (Integer) params.get("batch_size"),
            seed);
    return trainer.train(TribuoData.dataset(train, "precis training rows"));
  }
}
