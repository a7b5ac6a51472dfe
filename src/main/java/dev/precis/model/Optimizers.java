package dev.precis.model;

import java.util.List;
import java.util.Map;
import org.tribuo.interop.tensorflow.GradientOptimiser;

/**
 * The gradient methods the mlp offers, with the settings each takes. Nadam is the default: Adam and
 * Adamax in TensorFlow-Java 1.0 update their shared beta-power variables without waiting for the
 * per-weight updates that read them, so the same seed gives different models run to run (measured
 * here); Nadam and the others give the same model every time.
 */
final class Optimizers {
  static final List<String> NAMES =
      List.of("nadam", "adam", "rmsprop", "momentum", "adagrad", "sgd");

  /** A Tribuo optimiser and its parameters. */
  record Choice(GradientOptimiser optimiser, Map<String, Float> params) {}

  private Optimizers() {}

  static Choice of(String name, double learningRate) {
    float rate = (float) learningRate;
    return switch (name) {
      case "nadam" -> new Choice(GradientOptimiser.NADAM, adamLike(rate));
      case "adam" -> new Choice(GradientOptimiser.ADAM, adamLike(rate));
      case "rmsprop" ->
          new Choice(
              GradientOptimiser.RMSPROP,
              Map.of("learningRate", rate, "decay", 0.9f, "momentum", 0.0f, "epsilon", 1e-7f));
      case "momentum" ->
          new Choice(GradientOptimiser.NESTEROV, Map.of("learningRate", rate, "momentum", 0.9f));
      case "adagrad" ->
          new Choice(
              GradientOptimiser.ADAGRAD,
              Map.of("learningRate", rate, "initialAccumulatorValue", 0.1f));
      case "sgd" -> new Choice(GradientOptimiser.GRADIENT_DESCENT, Map.of("learningRate", rate));
      default -> throw new IllegalArgumentException("unknown optimizer " + name);
    };
  }

  private static Map<String, Float> adamLike(float rate) {
    return Map.of("learningRate", rate, "betaOne", 0.9f, "betaTwo", 0.999f, "epsilon", 1e-7f);
  }
}
