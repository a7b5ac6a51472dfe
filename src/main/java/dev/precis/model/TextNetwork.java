package dev.precis.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.precis.data.SequenceStep;
import dev.precis.data.TokenSequence;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A trained text network as plain weights, scored in Java. Each text column (given as a token
 * sequence, see {@link SequenceStep}) has an encoder: an embedding table read either as the mean of
 * a text's token vectors (a bag) or through an LSTM to the text's last token. The encoders'
 * outputs, beside the row's other features, feed a dense head, so a message and a customer's
 * history score together (wide and deep). Immutable.
 *
 * @param encoder how a text becomes a vector
 * @param texts one encoder's weights per text column, in feature order
 * @param head the dense layers, reading the texts' vectors then the other features
 */
record TextNetwork(Encoder encoder, List<Text> texts, MlpNetwork head) {
  /** How a text becomes a vector. */
  enum Encoder {
    /** The mean of the text's token vectors: fastText's encoder. */
    @JsonProperty("bag")
    BAG,
    /** An LSTM read to the text's last token; its hidden state. */
    @JsonProperty("lstm")
    LSTM
  }

  /**
   * One text column's encoder. The LSTM's gates are laid out as TensorFlow's BlockLSTMV2 lays them:
   * input, forget, cell, output, each {@code units} wide; {@code kernel} maps the token's vector
   * then the previous hidden state, row-major, (embedding + units) x 4 units.
   *
   * @param column the text column
   * @param length the most tokens read, the text's last
   * @param vocabulary indices at or above it read as the unknown token
   * @param dimension the width of a token's vector
   * @param embeddings row-major, vocabulary x dimension; row 0 is padding, never read
   * @param units the LSTM's width; 0 for a bag
   * @param kernel the LSTM's weights; empty for a bag
   * @param bias the LSTM's biases, 4 x units; empty for a bag
   */
  record Text(
      String column,
      int length,
      int vocabulary,
      int dimension,
      float[] embeddings,
      int units,
      float[] kernel,
      float[] bias) {
    Text {
      if (embeddings.length != vocabulary * dimension
          || kernel.length != (dimension + units) * 4 * units
          || bias.length != 4 * units) {
        throw new IllegalArgumentException("the weights of text column " + column + " misfit");
      }
    }

    /** The width of the vector a text becomes. */
    int outputs() {
      return units > 0 ? units : dimension;
    }

    /** The vector of a text given as vocabulary indices (any index; the last tokens are read). */
    double[] encode(int[] ids, int count) {
      int from = Math.max(0, count - length);
      return units > 0 ? lstm(ids, from, count) : mean(ids, from, count);
    }

    private int row(int id) {
      return id < vocabulary ? id : SequenceStep.UNKNOWN;
    }

    private double[] mean(int[] ids, int from, int to) {
      double[] sum = new double[dimension];
      for (int t = from; t < to; t++) {
        int base = row(ids[t]) * dimension;
        for (int d = 0; d < dimension; d++) {
          sum[d] += embeddings[base + d];
        }
      }
      for (int d = 0; d < dimension && to > from; d++) {
        sum[d] /= to - from;
      }
      return sum;
    }

    private double[] lstm(int[] ids, int from, int to) {
      double[] h = new double[units];
      double[] c = new double[units];
      double[] z = new double[4 * units];
      for (int t = from; t < to; t++) {
        for (int g = 0; g < z.length; g++) {
          z[g] = bias[g];
        }
        int token = row(ids[t]) * dimension;
        for (int d = 0; d < dimension; d++) {
          add(z, d, embeddings[token + d]);
        }
        for (int u = 0; u < units; u++) {
          add(z, dimension + u, h[u]);
        }
        for (int u = 0; u < units; u++) {
          double in = sigmoid(z[u]);
          double forget = sigmoid(z[units + u]);
          double cell = Math.tanh(z[2 * units + u]);
          double out = sigmoid(z[3 * units + u]);
          c[u] = forget * c[u] + in * cell;
          h[u] = out * Math.tanh(c[u]);
        }
      }
      return h;
    }

    private void add(double[] z, int input, double value) {
      int base = input * z.length;
      for (int g = 0; g < z.length; g++) {
        z[g] += kernel[base + g] * value;
      }
    }

    private static double sigmoid(double x) {
      return 1 / (1 + Math.exp(-x));
    }
  }

  TextNetwork {
    texts = List.copyOf(texts);
  }

  /**
   * The starting weights, drawn from the seed alone, as Keras starts them: embeddings uniform in
   * ±0.05, the LSTM's input weights Glorot-uniform and its recurrent weights orthogonal, biases 0
   * but the forget gate's 1, and the head's layers Glorot-uniform.
   *
   * @param featureNames the training rows' features
   * @param sequences where the texts lie among them
   */
  static TextNetwork initial(
      List<String> featureNames,
      List<TokenSequence> sequences,
      Encoder encoder,
      TextParams params,
      long seed) {
    Random random = new Random(seed);
    List<Text> texts = new ArrayList<>();
    List<String> inputs = new ArrayList<>();
    int units = encoder == Encoder.LSTM ? params.units() : 0;
    for (TokenSequence sequence : sequences) {
      int dimension = params.embedding();
      float[] embeddings = uniform(random, params.vocabulary() * dimension, 0.05);
      float[] kernel = new float[(dimension + units) * 4 * units];
      float[] bias = new float[4 * units];
      if (units > 0) {
        float[] input = uniform(random, dimension * 4 * units, glorot(dimension, 4 * units));
        System.arraycopy(input, 0, kernel, 0, input.length);
        float[] recurrent = orthogonalRows(random, units, 4 * units);
        System.arraycopy(recurrent, 0, kernel, input.length, recurrent.length);
        Arrays.fill(bias, units, 2 * units, 1f);
      }
      Text text =
          new Text(
              sequence.column(),
              params.length(),
              params.vocabulary(),
              dimension,
              embeddings,
              units,
              kernel,
              bias);
      texts.add(text);
      for (int k = 0; k < text.outputs(); k++) {
        inputs.add(sequence.column() + ":" + encoder.name().toLowerCase() + ":" + k);
      }
    }
    inputs.addAll(tabular(featureNames, sequences));
    List<MlpNetwork.Layer> layers = new ArrayList<>();
    int width = inputs.size();
    for (int i = 0; i <= params.hidden().size(); i++) {
      int outputs = i < params.hidden().size() ? params.hidden().get(i) : 1;
      layers.add(
          new MlpNetwork.Layer(
              width,
              outputs,
              uniform(random, width * outputs, glorot(width, outputs)),
              new float[outputs]));
      width = outputs;
    }
    return new TextNetwork(encoder, texts, new MlpNetwork(inputs, Activation.RELU, layers));
  }

  /** The features that are not a text's tokens, in order. */
  static List<String> tabular(List<String> featureNames, List<TokenSequence> sequences) {
    boolean[] token = new boolean[featureNames.size()];
    for (TokenSequence sequence : sequences) {
      Arrays.fill(token, sequence.first(), sequence.first() + sequence.length(), true);
    }
    List<String> names = new ArrayList<>();
    for (int f = 0; f < token.length; f++) {
      if (!token[f]) {
        names.add(featureNames.get(f));
      }
    }
    return names;
  }

  /** The head's inputs that are not a text's vector: the row's other features. */
  List<String> tabularInputs() {
    int vectors = texts.stream().mapToInt(Text::outputs).sum();
    return head.featureNames().subList(vectors, head.featureNames().size());
  }

  /**
   * The network reading rows of these features: a text's tokens are found by their names
   * ("message@3"), the other inputs by name too; one the rows lack is read as 0.
   */
  Logits reading(List<String> featureNames) {
    Map<String, Integer> tabularSlot = new HashMap<>();
    int vectors = texts.stream().mapToInt(Text::outputs).sum();
    List<String> others = tabularInputs();
    for (int i = 0; i < others.size(); i++) {
      tabularSlot.put(others.get(i), vectors + i);
    }
    int[] slot = new int[featureNames.size()]; // head input, or -1
    int[] text = new int[featureNames.size()]; // text column, or -1
    int[] position = new int[featureNames.size()]; // from 0
    int[] longest = new int[texts.size()];
    for (int f = 0; f < featureNames.size(); f++) {
      String name = featureNames.get(f);
      slot[f] = tabularSlot.getOrDefault(name, -1);
      text[f] = -1;
      for (int c = 0; slot[f] < 0 && c < texts.size(); c++) {
        int k = SequenceStep.positionOf(name, texts.get(c).column());
        if (k > 0) {
          text[f] = c;
          position[f] = k - 1;
          longest[c] = Math.max(longest[c], k);
        }
      }
    }
    return (rows, r) -> {
      double[] inputs = new double[head.featureNames().size()];
      int[][] ids = new int[texts.size()][];
      int[] count = new int[texts.size()];
      for (int c = 0; c < ids.length; c++) {
        ids[c] = new int[longest[c]];
      }
      for (int k = rows.start(r); k < rows.end(r); k++) {
        int f = rows.feature(k);
        if (slot[f] >= 0) {
          inputs[slot[f]] = rows.value(k);
        } else if (text[f] >= 0) {
          ids[text[f]][position[f]] = (int) rows.value(k);
          count[text[f]] = Math.max(count[text[f]], position[f] + 1);
        }
      }
      int at = 0;
      for (int c = 0; c < texts.size(); c++) {
        double[] vector = texts.get(c).encode(ids[c], count[c]);
        System.arraycopy(vector, 0, inputs, at, vector.length);
        at += vector.length;
      }
      return head.logit(inputs);
    };
  }

  private static double glorot(int inputs, int outputs) {
    return Math.sqrt(6.0 / (inputs + outputs));
  }

  private static float[] uniform(Random random, int size, double bound) {
    float[] values = new float[size];
    for (int i = 0; i < size; i++) {
      values[i] = (float) ((2 * random.nextDouble() - 1) * bound);
    }
    return values;
  }

  /** A rows x columns matrix (rows <= columns) with orthonormal rows, by Gram-Schmidt. */
  private static float[] orthogonalRows(Random random, int rows, int columns) {
    double[][] m = new double[rows][columns];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < columns; j++) {
        m[i][j] = random.nextGaussian();
      }
      for (int p = 0; p < i; p++) {
        double dot = 0;
        for (int j = 0; j < columns; j++) {
          dot += m[i][j] * m[p][j];
        }
        for (int j = 0; j < columns; j++) {
          m[i][j] -= dot * m[p][j];
        }
      }
      double norm = 0;
      for (int j = 0; j < columns; j++) {
        norm += m[i][j] * m[i][j];
      }
      norm = Math.sqrt(norm);
      for (int j = 0; j < columns; j++) {
        m[i][j] /= norm;
      }
    }
    float[] out = new float[rows * columns];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < columns; j++) {
        out[i * columns + j] = (float) m[i][j];
      }
    }
    return out;
  }
}
