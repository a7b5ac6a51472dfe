package dev.precis.model;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * The mlp's training step as a TensorFlow graph: a batch of rows (dense), their labels and row
 * weights in; one {@link LogLossStep} (plus L2 on the weights, not the biases) out. Dropout masks
 * come from a stateless generator keyed by (seed, step), fed per step, so they depend on the seed
 * and the step alone.
 */
final class MlpGraph {
  final Placeholder<TFloat32> x;
  final Placeholder<TFloat32> y;
  final Placeholder<TFloat32> rowWeights;
  final Placeholder<TInt64> dropoutSeed;
  final Optimizers.Powers powers;

  /** Per layer, its weights then its bias. */
  final List<Variable<TFloat32>> variables = new ArrayList<>();

  final Op step;

  /**
   * @param tf the graph's ops, on the device they should run on
   * @param start the weights to start from
   */
  MlpGraph(Ops tf, MlpNetwork start, MlpParams params) {
    int features = start.featureNames().size();
    x =
        tf.withName("features")
            .placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, features)));
    y = tf.withName("labels").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1)));
    rowWeights =
        tf.withName("row_weights").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1)));
    dropoutSeed =
        tf.withName("dropout_seed").placeholder(TInt64.class, Placeholder.shape(Shape.of(2)));
    powers = Optimizers.Powers.create(tf);

    Operand<TFloat32> units = x;
    Operand<TFloat32> penalty = tf.constant(0f);
    List<MlpNetwork.Layer> layers = start.layers();
    for (int l = 0; l < layers.size(); l++) {
      MlpNetwork.Layer layer = layers.get(l);
      var weights =
          tf.variable(
              tf.constant(
                  Shape.of(layer.inputs(), layer.outputs()), DataBuffers.of(layer.weights())));
      var bias = tf.variable(tf.constant(Shape.of(layer.outputs()), DataBuffers.of(layer.bias())));
      variables.add(weights);
      variables.add(bias);
      // Read through Identity, as Python's variables are: TensorFlow 1.0's C gradient of Square
      // on a variable's reference output crashes the process.
      Operand<TFloat32> read = tf.identity(weights);
      if (params.l2() > 0) {
        penalty =
            tf.math.add(penalty, tf.reduceSum(tf.math.square(read), tf.constant(new int[] {0, 1})));
      }
      units = tf.math.add(tf.linalg.matMul(units, read), bias);
      if (l < layers.size() - 1) {
        units = start.activation().op(tf, units);
        if (params.dropout() > 0) {
          units = dropout(tf, units, params.dropout(), l);
        }
      }
    }
    List<long[]> shapes = new ArrayList<>();
    for (MlpNetwork.Layer layer : layers) {
      shapes.add(new long[] {layer.inputs(), layer.outputs()});
      shapes.add(new long[] {layer.outputs()});
    }
    step =
        LogLossStep.build(
            tf,
            units,
            y,
            rowWeights,
            tf.math.mul(tf.constant((float) params.l2()), penalty),
            variables,
            shapes,
            params.optimizer(),
            params.learningRate(),
            powers);
  }

  /** Zeroes each unit with probability {@code rate} and scales the rest by 1 / (1 - rate). */
  private Operand<TFloat32> dropout(Ops tf, Operand<TFloat32> units, double rate, int layer) {
    Operand<TInt64> seed =
        tf.math.add(dropoutSeed, tf.constant(new long[] {layer * 0x9E3779B97F4A7C15L, 0}));
    Operand<TFloat32> draw = tf.random.statelessRandomUniform(tf.shape(units), seed);
    Operand<TFloat32> keep =
        tf.dtypes.cast(tf.math.greaterEqual(draw, tf.constant((float) rate)), TFloat32.class);
    return tf.math.mul(units, tf.math.mul(keep, tf.constant((float) (1 / (1 - rate)))));
  }
}
