package dev.precis.model;

import dev.precis.config.EngineConfig;
import dev.precis.data.EncodedData;
import dev.precis.data.SparseRows;
import dev.precis.data.Splits;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.DeviceSpec;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Trains an mlp with TensorFlow one batch at a time: the rows are shuffled anew each epoch (from
 * the seed), and after each epoch the weights come back to Java, where the validation loss is
 * computed in row order, so which epoch is best does not depend on the threads. Training stops
 * after {@code patience} epochs without a better validation loss and keeps the best epoch's
 * weights; with no validation rows it runs every epoch and keeps the last.
 */
final class MlpTrainer {
  /** The fit summary's key for the epoch whose weights were kept. */
  static final String BEST_EPOCH = "best_epoch";

  private final MlpParams params;
  private final EngineConfig engine;
  private final long seed;

  MlpTrainer(MlpParams params, EngineConfig engine, long seed) {
    this.params = params;
    this.engine = engine;
    this.seed = seed;
  }

  MlpArtifact train(EncodedData train, EncodedData valid) {
    double[] classWeights = classWeights(train);
    MlpNetwork best =
        MlpNetwork.initial(
            train.featureNames(), params.hidden(), Activation.of(params.activation()), seed);
    double bestLoss = Double.POSITIVE_INFINITY;
    int bestEpoch = 0;
    int epoch = 0;
    try (Graph graph = new Graph()) {
      MlpGraph model = new MlpGraph(ops(graph), best, params);
      try (Session session = new Session(graph, sessionConfig())) {
        long step = 0;
        while (epoch < params.epochs()) {
          epoch++;
          int[] order = Splits.permutation(train.rows(), seed + epoch);
          for (int from = 0; from < order.length; from += params.batchSize()) {
            int[] batch =
                Arrays.copyOfRange(order, from, Math.min(order.length, from + params.batchSize()));
            step(session, model, train, batch, classWeights, ++step);
          }
          MlpNetwork now = weights(session, model, best);
          double loss = valid.rows() > 0 ? now.logLoss(valid, classWeights) : Double.NaN;
          if (valid.rows() == 0 || loss < bestLoss) {
            best = now;
            bestLoss = loss;
            bestEpoch = epoch;
          } else if (epoch - bestEpoch >= params.patience()) {
            break;
          }
        }
      }
    }
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put(BEST_EPOCH, bestEpoch);
    summary.put("epochs_run", epoch);
    // Infinite when no epoch gave a finite loss (a step size that diverges): the start is kept.
    if (Double.isFinite(bestLoss)) {
      summary.put("best_valid_loss", bestLoss);
    }
    return new MlpArtifact(MlpArtifact.MODEL, best, summary);
  }

  /** Each class's weight in the loss: 1 each, or balanced so each class adds up to half. */
  private double[] classWeights(EncodedData train) {
    if (!params.classWeights().equals("balanced")) {
      return new double[] {1, 1};
    }
    double positives = Math.max(1, train.positives());
    double negatives = Math.max(1, train.rows() - train.positives());
    double rows = train.rows();
    return new double[] {rows / (2 * negatives), rows / (2 * positives)};
  }

  private Ops ops(Graph graph) {
    Ops tf = Ops.create(graph);
    if (engine.device() == EngineConfig.Device.GPU) {
      return tf.withDevice(
          DeviceSpec.newBuilder().deviceType(DeviceSpec.DeviceType.GPU).deviceIndex(0).build());
    }
    return tf;
  }

  /**
   * engine.threads run independent ops side by side; each op itself runs on one thread. A kernel
   * that splits a sum over the batch across threads (a weight gradient's matrix product) adds its
   * parts in an order that depends on the thread count: on bank with 512-256 units and 4,096 rows a
   * batch, 1, 2 and 4 threads gave three different networks. One thread per op gives one network.
   * (TensorFlow sizes the per-op pool once per process, from its first session.) An op without a
   * GPU kernel stays on the CPU.
   */
  private ConfigProto sessionConfig() {
    return ConfigProto.newBuilder()
        .setIntraOpParallelismThreads(1)
        .setInterOpParallelismThreads(engine.effectiveThreads())
        .setAllowSoftPlacement(true)
        .build();
  }

  private void step(
      Session session,
      MlpGraph model,
      EncodedData train,
      int[] batch,
      double[] classWeights,
      long step) {
    int width = train.featureNames().size();
    float[] x = new float[batch.length * width];
    float[] y = new float[batch.length];
    float[] w = new float[batch.length];
    SparseRows rows = train.x();
    for (int i = 0; i < batch.length; i++) {
      int r = batch[i];
      for (int k = rows.start(r); k < rows.end(r); k++) {
        x[i * width + rows.feature(k)] = (float) rows.value(k);
      }
      boolean positive = train.y()[r];
      y[i] = positive ? 1f : 0f;
      w[i] = (float) classWeights[positive ? 1 : 0];
    }
    float[] powers = Optimizers.Powers.at(step);
    List<Tensor> fed = new ArrayList<>();
    try {
      Session.Runner runner = session.runner();
      runner.feed(
          model.x, keep(fed, TFloat32.tensorOf(Shape.of(batch.length, width), DataBuffers.of(x))));
      runner.feed(model.y, keep(fed, TFloat32.vectorOf(y)));
      runner.feed(model.rowWeights, keep(fed, TFloat32.vectorOf(w)));
      runner.feed(model.dropoutSeed, keep(fed, TInt64.vectorOf(seed, step)));
      runner.feed(model.powers.betaOne(), keep(fed, TFloat32.scalarOf(powers[0])));
      runner.feed(model.powers.betaTwo(), keep(fed, TFloat32.scalarOf(powers[1])));
      runner.addTarget(model.step).run().close();
    } finally {
      fed.forEach(Tensor::close);
    }
  }

  private static Tensor keep(List<Tensor> fed, Tensor tensor) {
    fed.add(tensor);
    return tensor;
  }

  /** The variables' current values as a network shaped like {@code like}. */
  private static MlpNetwork weights(Session session, MlpGraph model, MlpNetwork like) {
    Session.Runner runner = session.runner();
    model.variables.forEach(runner::fetch);
    List<MlpNetwork.Layer> layers = new ArrayList<>();
    try (var result = runner.run()) {
      for (int l = 0; l < like.layers().size(); l++) {
        MlpNetwork.Layer layer = like.layers().get(l);
        float[] weights = new float[layer.weights().length];
        float[] bias = new float[layer.bias().length];
        ((TFloat32) result.get(2 * l)).copyTo(DataBuffers.of(weights, false, false));
        ((TFloat32) result.get(2 * l + 1)).copyTo(DataBuffers.of(bias, false, false));
        layers.add(new MlpNetwork.Layer(layer.inputs(), layer.outputs(), weights, bias));
      }
    }
    return new MlpNetwork(like.featureNames(), like.activation(), layers);
  }
}
