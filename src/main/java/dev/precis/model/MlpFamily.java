package dev.precis.model;

import dev.precis.PrecisException;
import dev.precis.config.EngineConfig;
import dev.precis.data.EncodedData;
import dev.precis.data.PipelineNeeds;
import dev.precis.data.Splits;
import java.util.List;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.framework.initializers.Glorot;
import org.tensorflow.framework.initializers.VarianceScaling;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tribuo.interop.tensorflow.DenseFeatureConverter;
import org.tribuo.interop.tensorflow.LabelConverter;
import org.tribuo.interop.tensorflow.TensorFlowTrainer;

/**
 * A multi-layer perceptron (ReLU hidden layers, softmax output) built with TensorFlow-Java ops and
 * trained through Tribuo's TensorFlow interop, with Nadam by default.
 */
final class MlpFamily implements ModelFamily<MlpParams> {
  static final List<ParamSpec> PARAMS =
      List.of(
          ParamSpec.integers("hidden", List.of(64, 32), 1, 4096, "sizes of the hidden layers"),
          ParamSpec.integer("epochs", 10, 1, 1000, "passes over the training rows"),
          ParamSpec.integer("batch_size", 256, 1, 65536, "rows per gradient step"),
          ParamSpec.real("learning_rate", 0.003, 1e-6, 1, "the optimiser's step size"),
          ParamSpec.choice(
              "optimizer",
              "nadam",
              Optimizers.NAMES,
              "gradient method (adam is not reproducible run to run)"));
  static final Map<String, Object> SPACE =
      Map.of(
          "hidden", List.of(List.of(32), List.of(64, 32), List.of(128, 64)),
          "learning_rate", Map.of("min", 3e-4, "max", 1e-2, "log", true),
          "epochs", Map.of("min", 5, "max", 30),
          "batch_size", List.of(64, 128, 256));
  private static final String INPUT = "features";

  @Override
  public MlpParams params(Map<String, Object> validated) {
    return ModelFamily.bind(validated, MlpParams.class);
  }

  @Override
  public PipelineNeeds needs() {
    return PipelineNeeds.SCALED;
  }

  /** Fits on the training rows alone, for the set number of epochs. */
  @Override
  public ModelArtifact fit(
      EncodedData train,
      EncodedData valid,
      MlpParams params,
      Task task,
      EngineConfig engine,
      long seed) {
    TensorFlowDevice.check(engine);
    Optimizers.Choice optimizer = Optimizers.of(params.optimizer(), params.learningRate());
    try (Graph graph = new Graph()) {
      String output = buildGraph(graph, train.featureNames().size(), params.hidden(), seed);
      var trainer =
          new TensorFlowTrainer<>(
              graph,
              output,
              optimizer.optimiser(),
              optimizer.params(),
              new DenseFeatureConverter(INPUT),
              new LabelConverter(),
              params.batchSize(),
              params.epochs(),
              4096,
              -1);
      // The trainer walks the rows in order every epoch: shuffle them once, with the seed.
      EncodedData shuffled = train.subset(Splits.permutation(train.rows(), seed));
      return new TribuoModelArtifact(
          TribuoModelArtifact.MODEL,
          trainer.train(TribuoData.dataset(shuffled, "precis training rows")));
    } catch (IllegalStateException | IllegalArgumentException e) {
      throw new PrecisException(1, "TensorFlow could not train the mlp: " + e.getMessage(), e);
    }
  }

  private static String buildGraph(Graph graph, int features, List<Integer> hidden, long seed) {
    Ops tf = Ops.create(graph);
    Placeholder<TFloat32> input =
        tf.withName(INPUT).placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, features)));
    Operand<TFloat32> layer = input;
    long width = features;
    for (int i = 0; i <= hidden.size(); i++) {
      long next = i < hidden.size() ? hidden.get(i) : 2;
      var init =
          new Glorot<TFloat32>(VarianceScaling.Distribution.TRUNCATED_NORMAL, seed + 7919L * i);
      var weights = tf.variable(init.call(tf, tf.array(width, next), TFloat32.class));
      var biases = tf.variable(tf.fill(tf.array(next), tf.constant(0.0f)));
      Operand<TFloat32> affine = tf.math.add(tf.linalg.matMul(layer, weights), biases);
      layer = i < hidden.size() ? tf.nn.relu(affine) : affine;
      width = next;
    }
    return layer.op().name();
  }
}
