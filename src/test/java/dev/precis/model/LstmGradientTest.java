package dev.precis.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * The LSTM's registered gradient against central finite differences of the loss, for every weight,
 * bias and input of a small LSTM, with the loss reaching it through both its hidden and its cell
 * states.
 */
class LstmGradientTest {
  private static final int STEPS = 4;
  private static final int ROWS = 3;
  private static final int INPUTS = 5;
  private static final int UNITS = 3;
  private static final float H = 1e-2f;

  @Test
  void gradientMatchesFiniteDifferences() {
    LstmGradient.register();
    Random random = new Random(3);
    float[] x = gaussian(random, STEPS * ROWS * INPUTS, 1);
    float[] w = gaussian(random, (INPUTS + UNITS) * 4 * UNITS, 0.5);
    float[] b = gaussian(random, 4 * UNITS, 0.5);
    try (Graph graph = new Graph();
        Session session = new Session(graph)) {
      Ops tf = Ops.create(graph);
      Placeholder<TFloat32> xs = tf.placeholder(TFloat32.class);
      Placeholder<TFloat32> ws = tf.placeholder(TFloat32.class);
      Placeholder<TFloat32> bs = tf.placeholder(TFloat32.class);
      Operand<TFloat32> noPeephole = tf.constant(new float[UNITS]);
      var lstm =
          tf.nn.blockLSTM(
              tf.constant((long) STEPS),
              xs,
              zeros(tf),
              zeros(tf),
              ws,
              noPeephole,
              noPeephole,
              noPeephole,
              bs);
      Operand<TFloat32> loss =
          tf.math.add(
              tf.reduceSum(tf.math.square(lstm.h()), tf.constant(new int[] {0, 1, 2})),
              tf.reduceSum(
                  tf.math.mul(lstm.cs(), tf.constant(0.3f)), tf.constant(new int[] {0, 1, 2})));
      var gradients = tf.gradients(loss, List.of(xs, ws, bs));
      float[][] inputs = {x, w, b};
      long[][] shapes = {{STEPS, ROWS, INPUTS}, {INPUTS + UNITS, 4 * UNITS}, {4 * UNITS}};
      for (int which = 0; which < 3; which++) {
        float[] analytic = new float[inputs[which].length];
        try (var result =
            feed(session.runner(), xs, ws, bs, inputs, shapes).fetch(gradients.dy(which)).run()) {
          ((TFloat32) result.get(0)).copyTo(DataBuffers.of(analytic, false, false));
        }
        for (int i = 0; i < analytic.length; i++) {
          float kept = inputs[which][i];
          inputs[which][i] = kept + H;
          double up = value(feed(session.runner(), xs, ws, bs, inputs, shapes).fetch(loss));
          inputs[which][i] = kept - H;
          double down = value(feed(session.runner(), xs, ws, bs, inputs, shapes).fetch(loss));
          inputs[which][i] = kept;
          double numeric = (up - down) / (2 * H);
          assertEquals(
              numeric,
              analytic[i],
              2e-3 * Math.max(1, Math.abs(numeric)),
              "input " + which + "[" + i + "]");
        }
      }
    }
  }

  /** A state of zeros of its own: the fused op may write into an input's buffer. */
  private static Operand<TFloat32> zeros(Ops tf) {
    return tf.zeros(tf.constant(new long[] {ROWS, UNITS}), TFloat32.class);
  }

  private static Session.Runner feed(
      Session.Runner runner,
      Placeholder<TFloat32> xs,
      Placeholder<TFloat32> ws,
      Placeholder<TFloat32> bs,
      float[][] inputs,
      long[][] shapes) {
    return runner
        .feed(xs, TFloat32.tensorOf(Shape.of(shapes[0]), DataBuffers.of(inputs[0])))
        .feed(ws, TFloat32.tensorOf(Shape.of(shapes[1]), DataBuffers.of(inputs[1])))
        .feed(bs, TFloat32.tensorOf(Shape.of(shapes[2]), DataBuffers.of(inputs[2])));
  }

  private static double value(Session.Runner runner) {
    try (var result = runner.run()) {
      return ((TFloat32) result.get(0)).getFloat();
    }
  }

  private static float[] gaussian(Random random, int size, double scale) {
    float[] values = new float[size];
    for (int i = 0; i < size; i++) {
      values[i] = (float) (random.nextGaussian() * scale);
    }
    return values;
  }
}
