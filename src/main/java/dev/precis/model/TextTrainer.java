package dev.precis.model;

import dev.precis.config.EngineConfig;
import dev.precis.data.EncodedData;
import dev.precis.data.SparseRows;
import dev.precis.data.TokenSequence;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * Trains a text network with TensorFlow one batch at a time, with Adam, epochs as {@link EpochLoop}
 * runs them, the validation loss computed in Java from each epoch's weights.
 */
final class TextTrainer {
  private final TextNetwork.Encoder encoder;
  private final TextParams params;
  private final EngineConfig engine;
  private final long seed;

  TextTrainer(TextNetwork.Encoder encoder, TextParams params, EngineConfig engine, long seed) {
    this.encoder = encoder;
    this.params = params;
    this.engine = engine;
    this.seed = seed;
  }

  TextArtifact train(EncodedData train, EncodedData valid) {
    double[] classWeights = EpochLoop.classWeights(train, params.classWeights());
    double[] watched = EpochLoop.watchedWeights(classWeights, train, valid);
    TextNetwork start =
        TextNetwork.initial(train.featureNames(), train.sequences(), encoder, params, seed);
    Batches batches = new Batches(train, start);
    EpochLoop<TextNetwork> loop =
        new EpochLoop<>(start, params.epochs(), params.patience(), params.batchSize(), seed);
    TextNetwork best;
    try (Graph graph = new Graph()) {
      TextGraph model = new TextGraph(TensorFlowDevice.ops(graph, engine), start, params);
      try (Session session = new Session(graph, TensorFlowDevice.sessionConfig(engine))) {
        best =
            loop.run(
                train,
                valid,
                (batch, step) -> step(session, model, batches, batch, classWeights, step),
                () -> weights(session, model, start),
                network -> network.reading(valid.featureNames()).logLoss(valid, watched));
      }
    }
    return new TextArtifact(TextArtifact.MODEL, best, loop.summary());
  }

  /** The training rows as a network reads them: each text's tokens, the other features dense. */
  private static final class Batches {
    final int[][][] tokens; // [text][row] -> the indices read, the text's last
    final float[][] others; // [row] -> the other features
    final boolean[] y;

    Batches(EncodedData train, TextNetwork network) {
      List<TokenSequence> sequences = train.sequences();
      SparseRows rows = train.x();
      int[] otherSlot = new int[train.featureNames().size()];
      Arrays.fill(otherSlot, -1);
      List<String> otherNames = network.tabularInputs();
      for (int f = 0, o = 0; f < otherSlot.length && o < otherNames.size(); f++) {
        if (train.featureNames().get(f).equals(otherNames.get(o))) {
          otherSlot[f] = o++;
        }
      }
      tokens = new int[sequences.size()][train.rows()][];
      others = new float[train.rows()][otherNames.size()];
      y = train.y();
      for (int r = 0; r < train.rows(); r++) {
        for (int c = 0; c < sequences.size(); c++) {
          tokens[c][r] = read(rows, r, sequences.get(c), network.texts().get(c));
        }
        for (int k = rows.start(r); k < rows.end(r); k++) {
          int o = otherSlot[rows.feature(k)];
          if (o >= 0) {
            others[r][o] = (float) rows.value(k);
          }
        }
      }
    }

    /** A row's last tokens of one text, those at or above the vocabulary read as unknown. */
    private static int[] read(
        SparseRows rows, int r, TokenSequence sequence, TextNetwork.Text text) {
      int[] ids = new int[sequence.length()];
      int count = 0;
      for (int k = rows.start(r); k < rows.end(r); k++) {
        int position = rows.feature(k) - sequence.first();
        if (position >= 0 && position < sequence.length()) {
          int id = (int) rows.value(k);
          ids[position] = id < text.vocabulary() ? id : dev.precis.data.SequenceStep.UNKNOWN;
          count = Math.max(count, position + 1);
        }
      }
      int from = Math.max(0, count - text.length());
      return Arrays.copyOfRange(ids, from, count);
    }
  }

  private void step(
      Session session,
      TextGraph model,
      Batches batches,
      int[] batch,
      double[] classWeights,
      long step) {
    try (StepFeeds feeds = new StepFeeds(session)) {
      for (int c = 0; c < batches.tokens.length; c++) {
        int longest = 1;
        for (int r : batch) {
          longest = Math.max(longest, batches.tokens[c][r].length);
        }
        TextGraph.TextInputs inputs = model.texts.get(c);
        int[] ids = new int[batch.length * longest];
        float[] last = inputs.last() == null ? null : new float[ids.length];
        for (int i = 0; i < batch.length; i++) {
          int[] text = batches.tokens[c][batch[i]];
          System.arraycopy(text, 0, ids, i * longest, text.length);
          if (last != null && text.length > 0) {
            last[i * longest + text.length - 1] = 1;
          }
        }
        Shape shape = Shape.of(batch.length, longest);
        feeds.feed(inputs.tokens(), TInt32.tensorOf(shape, DataBuffers.of(ids)));
        if (last != null) {
          feeds
              .feed(inputs.last(), TFloat32.tensorOf(shape, DataBuffers.of(last)))
              .feed(inputs.steps(), TInt64.scalarOf(longest));
        }
      }
      if (model.others != null) {
        int width = batches.others[0].length;
        float[] x = new float[batch.length * width];
        for (int i = 0; i < batch.length; i++) {
          System.arraycopy(batches.others[batch[i]], 0, x, i * width, width);
        }
        feeds.feed(
            model.others, TFloat32.tensorOf(Shape.of(batch.length, width), DataBuffers.of(x)));
      }
      feeds
          .labels(model.y, model.rowWeights, batches.y, batch, classWeights)
          .powers(model.powers, step)
          .run(model.step);
    }
  }

  /** The variables' current values as a network shaped like {@code like}. */
  private static TextNetwork weights(Session session, TextGraph model, TextNetwork like) {
    Session.Runner runner = session.runner();
    model.variables.forEach(runner::fetch);
    try (var result = runner.run()) {
      int[] next = {0};
      IntFunction<float[]> read =
          size -> {
            float[] values = new float[size];
            ((TFloat32) result.get(next[0]++)).copyTo(DataBuffers.of(values, false, false));
            return values;
          };
      List<TextNetwork.Text> texts = new ArrayList<>();
      for (TextNetwork.Text text : like.texts()) {
        float[] embeddings = read.apply(text.embeddings().length);
        float[] kernel = text.units() > 0 ? read.apply(text.kernel().length) : new float[0];
        float[] bias = text.units() > 0 ? read.apply(text.bias().length) : new float[0];
        texts.add(
            new TextNetwork.Text(
                text.column(),
                text.length(),
                text.vocabulary(),
                text.dimension(),
                embeddings,
                text.units(),
                kernel,
                bias));
      }
      List<MlpNetwork.Layer> layers = new ArrayList<>();
      List<MlpNetwork.Layer> old = like.head().layers();
      MlpNetwork.Layer first = old.get(0);
      float[] firstWeights = new float[first.weights().length];
      int at = 0;
      int parts = like.texts().size() + (model.others == null ? 0 : 1);
      for (int p = 0; p < parts; p++) {
        int width =
            p < like.texts().size() ? like.texts().get(p).outputs() : like.tabularInputs().size();
        float[] block = read.apply(width * first.outputs());
        System.arraycopy(block, 0, firstWeights, at, block.length);
        at += block.length;
      }
      layers.add(
          new MlpNetwork.Layer(
              first.inputs(), first.outputs(), firstWeights, read.apply(first.outputs())));
      for (MlpNetwork.Layer layer : old.subList(1, old.size())) {
        layers.add(
            new MlpNetwork.Layer(
                layer.inputs(),
                layer.outputs(),
                read.apply(layer.weights().length),
                read.apply(layer.outputs())));
      }
      return new TextNetwork(
          like.encoder(),
          texts,
          new MlpNetwork(like.head().featureNames(), like.head().activation(), layers));
    }
  }
}
