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
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * A text network's training step as a TensorFlow graph (see {@link TextNetwork}): per text column,
 * a batch of token indices, [rows, tokens], padded with 0 after each row's last token; the other
 * features, dense; labels and row weights in; one {@link LogLossStep} out. A batch is as long as
 * its longest text, so short texts cost little. The LSTM is TensorFlow's fused op, whose gradient
 * {@link LstmGradient} registers; its hidden state at each row's last token is picked by a one-hot
 * mask fed beside the tokens (a row with no token gets zeros). The head's first layer is one weight
 * block per input part (each text's vector, then the other features), added up, which is the same
 * product as one block on the parts side by side.
 */
final class TextGraph {
  /**
   * What a batch feeds for one text column.
   *
   * @param tokens its tokens' indices
   * @param last 1 at each row's last token; null for a bag, which reads every token alike
   * @param steps the batch's longest text, for the LSTM op; null for a bag
   */
  record TextInputs(
      Placeholder<TInt32> tokens, Placeholder<TFloat32> last, Placeholder<TInt64> steps) {}

  /** Per text column, in feature order. */
  final List<TextInputs> texts = new ArrayList<>();

  /** The other features, or null when the rows have none. */
  final Placeholder<TFloat32> others;

  final Placeholder<TFloat32> y;
  final Placeholder<TFloat32> rowWeights;
  final Optimizers.Powers powers;

  /**
   * In the order {@link TextTrainer} reads them back: per text, its embeddings (and the LSTM's
   * kernel and bias); then the head's first layer, one block per part, and its bias; then each
   * later layer's weights and bias.
   */
  final List<Variable<TFloat32>> variables = new ArrayList<>();

  /** One per row: the network's output before the sigmoid. */
  final Operand<TFloat32> logits;

  final Op step;

  private final List<long[]> shapes = new ArrayList<>();

  TextGraph(Ops tf, TextNetwork start, TextParams params) {
    y = tf.withName("labels").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1)));
    rowWeights =
        tf.withName("row_weights").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1)));
    powers = Optimizers.Powers.create(tf);

    List<Operand<TFloat32>> parts = new ArrayList<>();
    for (TextNetwork.Text text : start.texts()) {
      parts.add(encoder(tf, text));
    }
    int otherWidth = start.tabularInputs().size();
    others =
        otherWidth == 0
            ? null
            : tf.withName("others")
                .placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, otherWidth)));
    if (others != null) {
      parts.add(others);
    }

    List<MlpNetwork.Layer> layers = start.head().layers();
    MlpNetwork.Layer first = layers.get(0);
    Operand<TFloat32> units = null;
    int row = 0;
    for (int p = 0; p < parts.size(); p++) {
      int width = p < start.texts().size() ? start.texts().get(p).outputs() : otherWidth;
      float[] block = new float[width * first.outputs()];
      System.arraycopy(first.weights(), row * first.outputs(), block, 0, block.length);
      row += width;
      Operand<TFloat32> product =
          tf.linalg.matMul(parts.get(p), variable(tf, block, width, first.outputs()));
      units = units == null ? product : tf.math.add(units, product);
    }
    units = tf.math.add(units, variable(tf, first.bias(), first.outputs()));
    for (int l = 1; l < layers.size(); l++) {
      MlpNetwork.Layer layer = layers.get(l);
      units = start.head().activation().op(tf, units);
      units =
          tf.math.add(
              tf.linalg.matMul(
                  units, variable(tf, layer.weights(), layer.inputs(), layer.outputs())),
              variable(tf, layer.bias(), layer.outputs()));
    }
    logits = units;
    step =
        LogLossStep.build(
            tf,
            units,
            y,
            rowWeights,
            tf.constant(0f),
            variables,
            shapes,
            "adam",
            params.learningRate(),
            powers);
  }

  /** A text's vector, [rows, outputs], from its token indices. */
  private Operand<TFloat32> encoder(Ops tf, TextNetwork.Text text) {
    int c = texts.size();
    Placeholder<TInt32> ids =
        tf.withName("tokens_" + c).placeholder(TInt32.class, Placeholder.shape(Shape.of(-1, -1)));
    Variable<TFloat32> table = variable(tf, text.embeddings(), text.vocabulary(), text.dimension());
    // [rows, tokens, dimension]; read through Identity, as Python reads variables
    Operand<TFloat32> vectors = tf.gather(tf.identity(table), ids, tf.constant(0));
    if (text.units() == 0) {
      Operand<TFloat32> present =
          tf.expandDims(
              tf.dtypes.cast(tf.math.greater(ids, tf.constant(0)), TFloat32.class), tf.constant(2));
      Operand<TFloat32> sum = tf.reduceSum(tf.math.mul(vectors, present), tf.constant(1));
      Operand<TFloat32> count =
          tf.math.maximum(tf.reduceSum(present, tf.constant(1)), tf.constant(1f));
      texts.add(new TextInputs(ids, null, null));
      return tf.math.div(sum, count);
    }
    Placeholder<TFloat32> lastToken =
        tf.withName("last_" + c).placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1)));
    Placeholder<TInt64> longest =
        tf.withName("steps_" + c).placeholder(TInt64.class, Placeholder.shape(Shape.scalar()));
    texts.add(new TextInputs(ids, lastToken, longest));
    LstmGradient.register();
    int units = text.units();
    Variable<TFloat32> kernel =
        variable(tf, text.kernel(), text.dimension() + units, 4 * (long) units);
    Variable<TFloat32> bias = variable(tf, text.bias(), 4L * units);
    Operand<TFloat32> noPeephole = tf.constant(new float[units]);
    var lstm =
        tf.nn.blockLSTM(
            longest,
            tf.linalg.transpose(vectors, tf.constant(new int[] {1, 0, 2})),
            zeros(tf, ids, units),
            zeros(tf, ids, units),
            tf.identity(kernel),
            noPeephole,
            noPeephole,
            noPeephole,
            tf.identity(bias));
    // h is [tokens, rows, units]; keep each row's state at its last token
    Operand<TFloat32> pick =
        tf.expandDims(
            tf.linalg.transpose(lastToken, tf.constant(new int[] {1, 0})), tf.constant(2));
    return tf.reduceSum(tf.math.mul(lstm.h(), pick), tf.constant(0));
  }

  /**
   * Zeros, [rows, units], for the LSTM's first cell or hidden state. Each state gets zeros of its
   * own, made in the graph: the fused op's kernels may write into an input's buffer, and one fed
   * tensor serving both states turned the weights to NaN within a few steps.
   */
  private static Operand<TFloat32> zeros(Ops tf, Operand<TInt32> ids, int units) {
    Operand<TInt32> rows =
        tf.reshape(
            tf.slice(tf.shape(ids), tf.constant(new int[] {0}), tf.constant(new int[] {1})),
            tf.constant(new int[] {1}));
    Operand<TInt32> shape =
        tf.concat(List.of(rows, tf.constant(new int[] {units})), tf.constant(0));
    return tf.fill(shape, tf.constant(0f));
  }

  private Variable<TFloat32> variable(Ops tf, float[] values, long... shape) {
    Variable<TFloat32> variable = tf.variable(tf.constant(Shape.of(shape), DataBuffers.of(values)));
    variables.add(variable);
    shapes.add(shape);
    return variable;
  }
}
