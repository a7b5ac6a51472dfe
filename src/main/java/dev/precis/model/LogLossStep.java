package dev.precis.model;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Identity;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * One optimiser step on the weighted log loss of a network's logits, as a TensorFlow op. Every
 * weight update waits for every gradient, so no update can change a weight that another gradient
 * still reads.
 */
final class LogLossStep {
  private LogLossStep() {}

  /**
   * @param logits one per row
   * @param y the rows' labels, 1 or 0
   * @param rowWeights each row's weight in the mean
   * @param penalty added to the loss as it is (an L2 term, say)
   * @param variables the weights to update
   * @param shapes each variable's dimensions
   */
  static Op build(
      Ops tf,
      Operand<TFloat32> logits,
      Operand<TFloat32> y,
      Operand<TFloat32> rowWeights,
      Operand<TFloat32> penalty,
      List<Variable<TFloat32>> variables,
      List<long[]> shapes,
      String optimizer,
      double learningRate,
      Optimizers.Powers powers) {
    Operand<TFloat32> z = tf.reshape(logits, tf.constant(new long[] {-1}));
    // log(1 + e^-|z|) + max(z, 0) - z * y: the log loss of sigmoid(z), stable for any z.
    Operand<TFloat32> losses =
        tf.math.sub(
            tf.math.add(tf.math.log1p(tf.math.exp(tf.math.neg(tf.math.abs(z)))), tf.nn.relu(z)),
            tf.math.mul(z, y));
    Operand<TFloat32> loss =
        tf.math.add(tf.math.mean(tf.math.mul(losses, rowWeights), tf.constant(0)), penalty);

    Gradients gradients = tf.gradients(loss, variables);
    List<Identity<TFloat32>> grads = new ArrayList<>();
    for (int v = 0; v < variables.size(); v++) {
      grads.add(tf.identity(gradients.<TFloat32>dy(v)));
    }
    List<Op> computed = List.copyOf(grads);
    List<Op> updates = new ArrayList<>();
    for (int v = 0; v < variables.size(); v++) {
      updates.add(
          Optimizers.update(
              optimizer,
              tf,
              computed,
              variables.get(v),
              shapes.get(v),
              grads.get(v),
              (float) learningRate,
              powers));
    }
    return tf.withControlDependencies(updates).noOp();
  }
}
