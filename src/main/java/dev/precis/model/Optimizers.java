package dev.precis.model;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.train.ApplyAdam;
import org.tensorflow.op.train.ApplyMomentum;
import org.tensorflow.types.TFloat32;

/**
 * The gradient methods the mlp offers, each one of TensorFlow's fused training ops on one weight
 * variable. Adam is the default. TensorFlow-Java 1.0's own Adam (which Tribuo's trainer uses) keeps
 * beta^t in shared variables and updates them beside the per-weight updates that read them, with no
 * ordering between the two, so some weights took beta^t and others beta^(t+1), differently every
 * run. Here nothing a step reads is updated within it: beta^t is computed in Java and fed as a
 * scalar per step ({@link Powers}), and every update waits for every gradient (see MlpGraph).
 */
final class Optimizers {
  static final List<String> NAMES =
      List.of("adam", "nadam", "rmsprop", "momentum", "adagrad", "sgd");
  private static final float BETA_ONE = 0.9f;
  private static final float BETA_TWO = 0.999f;
  private static final float EPSILON = 1e-8f;

  private Optimizers() {}

  /** The step's Adam bias corrections, beta1^t and beta2^t, fed from Java at each step. */
  record Powers(Placeholder<TFloat32> betaOne, Placeholder<TFloat32> betaTwo) {
    static Powers create(Ops tf) {
      return new Powers(
          tf.withName("beta1_power").placeholder(TFloat32.class),
          tf.withName("beta2_power").placeholder(TFloat32.class));
    }

    /** beta1^step and beta2^step, step counting from 1. */
    static float[] at(long step) {
      return new float[] {(float) Math.pow(BETA_ONE, step), (float) Math.pow(BETA_TWO, step)};
    }
  }

  /**
   * The op that applies one step of the method to a variable, with the slots it keeps.
   *
   * @param shape the variable's dimensions
   * @param waitFor what must run before the update (its slots' initial values wait for nothing)
   */
  static Op update(
      String name,
      Ops graph,
      List<Op> waitFor,
      Variable<TFloat32> variable,
      long[] shape,
      Operand<TFloat32> gradient,
      float learningRate,
      Powers powers) {
    Ops tf = graph.withControlDependencies(waitFor);
    Operand<TFloat32> rate = tf.constant(learningRate);
    return switch (name) {
      case "adam", "nadam" ->
          tf.train.applyAdam(
              variable,
              slot(graph, shape, 0f),
              slot(graph, shape, 0f),
              powers.betaOne(),
              powers.betaTwo(),
              rate,
              tf.constant(BETA_ONE),
              tf.constant(BETA_TWO),
              tf.constant(EPSILON),
              gradient,
              ApplyAdam.useNesterov(name.equals("nadam")));
      case "rmsprop" ->
          tf.train.applyRmsProp(
              variable,
              slot(graph, shape, 0f),
              slot(graph, shape, 0f),
              rate,
              tf.constant(0.9f),
              tf.constant(0f),
              tf.constant(EPSILON),
              gradient);
      case "momentum" ->
          tf.train.applyMomentum(
              variable,
              slot(graph, shape, 0f),
              rate,
              gradient,
              tf.constant(0.9f),
              ApplyMomentum.useNesterov(true));
      case "adagrad" -> tf.train.applyAdagrad(variable, slot(graph, shape, 0.1f), rate, gradient);
      case "sgd" -> tf.train.applyGradientDescent(variable, rate, gradient);
      default -> throw new IllegalArgumentException("unknown optimizer " + name);
    };
  }

  private static Variable<TFloat32> slot(Ops tf, long[] shape, float start) {
    return tf.variable(tf.fill(tf.constant(shape), tf.constant(start)));
  }
}
