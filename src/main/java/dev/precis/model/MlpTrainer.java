package dev.precis.model;

import dev.precis.config.EngineConfig;
import dev.precis.data.EncodedData;
import dev.precis.data.SparseRows;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Trains an mlp with TensorFlow one batch at a time, epochs as {@link EpochLoop} runs them, the
 * validation loss computed in Java from each epoch's weights. An ensemble trains its members one
 * after another, each from a seed of its own (its start, shuffles and dropout masks) and each
 * stopping early on the same validation rows.
 */
final class MlpTrainer {
  private final MlpParams params;
  private final EngineConfig engine;
  private final long seed;

  MlpTrainer(MlpParams params, EngineConfig engine, long seed) {
    this.params = params;
    this.engine = engine;
    this.seed = seed;
  }

  MlpArtifact train(EncodedData train, EncodedData valid) {
    List<MlpNetwork> networks = new ArrayList<>();
    List<Map<String, Object>> summaries = new ArrayList<>();
    for (long memberSeed : memberSeeds(seed, params.members())) {
      Member member = trainMember(train, valid, memberSeed);
      networks.add(member.network());
      summaries.add(member.summary());
    }
    return new MlpArtifact(MlpArtifact.MODEL, networks, fitSummary(summaries));
  }

  /**
   * The members' seeds: the run's seed first, so one member is the mlp of that seed, then draws
   * from it, far apart so that no member's shuffles or dropout keys repeat another's.
   */
  static long[] memberSeeds(long seed, int members) {
    SplittableRandom draws = new SplittableRandom(seed);
    long[] seeds = new long[members];
    seeds[0] = seed;
    for (int m = 1; m < members; m++) {
      seeds[m] = draws.nextLong();
    }
    return seeds;
  }

  /**
   * One member's fit summary as it is; an ensemble's says each member's under {@code members}, and
   * as {@code best_epoch} the members' mean best epoch, rounded, which a fit without validation
   * rows (tune's refit) then runs for every member.
   */
  private static Map<String, Object> fitSummary(List<Map<String, Object>> members) {
    if (members.size() == 1) {
      return members.get(0);
    }
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put(
        EpochLoop.BEST_EPOCH,
        (int)
            Math.round(
                members.stream()
                    .mapToInt(member -> (int) member.get(EpochLoop.BEST_EPOCH))
                    .average()
                    .orElseThrow()));
    summary.put("members", members);
    return summary;
  }

  /** A trained network: the weights kept, and what its epochs found. */
  private record Member(MlpNetwork network, Map<String, Object> summary) {}

  /** Trains one network from its seed. */
  private Member trainMember(EncodedData train, EncodedData valid, long memberSeed) {
    double[] classWeights = EpochLoop.classWeights(train, params.classWeights());
    double[] watched = EpochLoop.watchedWeights(classWeights, train, valid);
    MlpNetwork start =
        MlpNetwork.initial(
            train.featureNames(), params.hidden(), Activation.of(params.activation()), memberSeed);
    EpochLoop<MlpNetwork> loop =
        new EpochLoop<>(start, params.epochs(), params.patience(), params.batchSize(), memberSeed);
    try (Graph graph = new Graph()) {
      MlpGraph model = new MlpGraph(TensorFlowDevice.ops(graph, engine), start, params);
      try (Session session = new Session(graph, TensorFlowDevice.sessionConfig(engine))) {
        MlpNetwork best =
            loop.run(
                train,
                valid,
                (batch, step) -> step(session, model, train, batch, classWeights, memberSeed, step),
                () -> weights(session, model, start),
                network -> network.logLoss(valid, watched));
        return new Member(best, loop.summary());
      }
    }
  }

  private void step(
      Session session,
      MlpGraph model,
      EncodedData train,
      int[] batch,
      double[] classWeights,
      long memberSeed,
      long step) {
    int width = train.featureNames().size();
    float[] x = new float[batch.length * width];
    SparseRows rows = train.x();
    for (int i = 0; i < batch.length; i++) {
      for (int k = rows.start(batch[i]); k < rows.end(batch[i]); k++) {
        x[i * width + rows.feature(k)] = (float) rows.value(k);
      }
    }
    try (StepFeeds feeds = new StepFeeds(session)) {
      feeds
          .feed(model.x, TFloat32.tensorOf(Shape.of(batch.length, width), DataBuffers.of(x)))
          .feed(model.dropoutSeed, TInt64.vectorOf(memberSeed, step))
          .labels(model.y, model.rowWeights, train.y(), batch, classWeights)
          .powers(model.powers, step)
          .run(model.step);
    }
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
