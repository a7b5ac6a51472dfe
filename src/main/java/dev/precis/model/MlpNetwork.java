package dev.precis.model;

import dev.precis.data.SparseRows;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A trained multi-layer perceptron as plain weights: dense hidden layers with one activation, and
 * one output unit whose sigmoid is the probability of a response. It scores sparse rows directly
 * (the first layer adds up the weight rows of a row's nonzero features), so scoring needs no
 * TensorFlow. Immutable.
 *
 * @param featureNames the inputs, in order
 * @param activation of every hidden layer
 * @param layers from the first hidden layer to the output
 */
record MlpNetwork(List<String> featureNames, Activation activation, List<Layer> layers)
    implements Logits {
  /**
   * One dense layer.
   *
   * @param inputs its input width
   * @param outputs its width
   * @param weights row-major, inputs x outputs: input i's weights are [i * outputs, (i + 1) *
   *     outputs)
   * @param bias one per output
   */
  record Layer(int inputs, int outputs, float[] weights, float[] bias) {
    Layer {
      if (inputs < 1
          || outputs < 1
          || weights.length != inputs * outputs
          || bias.length != outputs) {
        throw new IllegalArgumentException("a layer of " + inputs + " x " + outputs + " units");
      }
    }
  }

  MlpNetwork {
    featureNames = List.copyOf(featureNames);
    layers = List.copyOf(layers);
    int width = featureNames.size();
    for (Layer layer : layers) {
      if (layer.inputs() != width) {
        throw new IllegalArgumentException(
            "a layer of " + layer.inputs() + " inputs after " + width);
      }
      width = layer.outputs();
    }
    if (width != 1) {
      throw new IllegalArgumentException("an output of " + width + " units, not 1");
    }
  }

  /**
   * The starting weights and biases: uniform within 1/sqrt(inputs), PyTorch's default for a dense
   * layer, drawn from the seed alone so the start is the same on any machine.
   */
  static MlpNetwork initial(
      List<String> featureNames, List<Integer> hidden, Activation activation, long seed) {
    Random random = new Random(seed);
    List<Layer> layers = new ArrayList<>();
    int inputs = featureNames.size();
    for (int i = 0; i <= hidden.size(); i++) {
      int outputs = i < hidden.size() ? hidden.get(i) : 1;
      double bound = 1 / Math.sqrt(inputs);
      float[] weights = new float[inputs * outputs];
      float[] bias = new float[outputs];
      for (int k = 0; k < weights.length; k++) {
        weights[k] = (float) ((2 * random.nextDouble() - 1) * bound);
      }
      for (int k = 0; k < bias.length; k++) {
        bias[k] = (float) ((2 * random.nextDouble() - 1) * bound);
      }
      layers.add(new Layer(inputs, outputs, weights, bias));
      inputs = outputs;
    }
    return new MlpNetwork(featureNames, activation, layers);
  }

  /**
   * The same network reading rows of these features: a feature it does not know contributes
   * nothing, one of its own that the rows lack is read as 0.
   */
  MlpNetwork forFeatures(List<String> names) {
    if (names.equals(featureNames)) {
      return this;
    }
    Layer first = layers.get(0);
    int width = first.outputs();
    float[] weights = new float[names.size() * width];
    java.util.Map<String, Integer> index = new java.util.HashMap<>();
    for (int f = 0; f < featureNames.size(); f++) {
      index.put(featureNames.get(f), f);
    }
    for (int f = 0; f < names.size(); f++) {
      Integer own = index.get(names.get(f));
      if (own != null) {
        System.arraycopy(first.weights(), own * width, weights, f * width, width);
      }
    }
    List<Layer> remapped = new ArrayList<>(layers);
    remapped.set(0, new Layer(names.size(), width, weights, first.bias()));
    return new MlpNetwork(names, activation, remapped);
  }

  /** The logit (log-odds of a response) of row r. */
  @Override
  public double logit(SparseRows rows, int r) {
    double[] units = firstBias();
    for (int k = rows.start(r); k < rows.end(r); k++) {
      addInput(units, rows.feature(k), rows.value(k));
    }
    return fromFirstLayer(units);
  }

  /** The logit of one row of dense inputs, one per feature. */
  double logit(double[] inputs) {
    double[] units = firstBias();
    for (int f = 0; f < inputs.length; f++) {
      if (inputs[f] != 0) {
        addInput(units, f, inputs[f]);
      }
    }
    return fromFirstLayer(units);
  }

  private double[] firstBias() {
    float[] bias = layers.get(0).bias();
    double[] units = new double[bias.length];
    for (int o = 0; o < bias.length; o++) {
      units[o] = bias[o];
    }
    return units;
  }

  /** Adds input f's weights, times its value, to the first layer's units. */
  private void addInput(double[] units, int f, double value) {
    Layer first = layers.get(0);
    int base = f * first.outputs();
    for (int o = 0; o < units.length; o++) {
      units[o] += first.weights()[base + o] * value;
    }
  }

  /** The output of the layers after the first, from the first layer's units before activation. */
  private double fromFirstLayer(double[] units) {
    for (int l = 1; l < layers.size(); l++) {
      Layer layer = layers.get(l);
      double[] next = new double[layer.outputs()];
      for (int o = 0; o < next.length; o++) {
        next[o] = layer.bias()[o];
      }
      for (int i = 0; i < units.length; i++) {
        double a = activation.apply(units[i]);
        int base = i * layer.outputs();
        for (int o = 0; o < next.length; o++) {
          next[o] += layer.weights()[base + o] * a;
        }
      }
      units = next;
    }
    return units[0];
  }
}
