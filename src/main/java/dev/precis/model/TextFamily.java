package dev.precis.model;

import dev.precis.PrecisException;
import dev.precis.config.EngineConfig;
import dev.precis.data.EncodedData;
import dev.precis.data.PipelineNeeds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The text networks, trained with TensorFlow-Java (see {@link TextTrainer}) on texts given as token
 * sequences, Adam, early stopping on the validation loss; saved as plain weights and scored in
 * Java. {@code text-lstm} is the seeds' model: Embedding(1000, 16), LSTM(32), Dense(1). {@code
 * text-embedding-bag} averages its token vectors instead, as fastText does: fast and strong on
 * short texts. The row's other features join the text's vector in the head, whose hidden layers
 * (none by default) make it wide and deep.
 *
 * @param <P> the family's parameters
 */
final class TextFamily<P extends TextParams> extends TypedFamily<P> {
  /** Numbers scaled, as any gradient-trained network needs them; texts as token sequences. */
  static final PipelineNeeds NEEDS =
      new PipelineNeeds(PipelineNeeds.Numbers.SCALED, false, PipelineNeeds.Text.SEQUENCE);

  /** The seeds' model. */
  static final List<ParamSpec> LSTM_PARAMS = params(1000, 16, 0.001, true);

  /**
   * A bag has no recurrence to keep stable and learns slowly at the LSTM's step size (the best
   * epoch was still the last at 30 on the SMS sample); three times it converges within 10.
   */
  static final List<ParamSpec> BAG_PARAMS = params(10000, 32, 0.003, false);

  static final Map<String, Object> LSTM_SPACE =
      Map.of(
          "units", List.of(16, 32, 64),
          "embedding", List.of(16, 32, 64),
          "learning_rate", Map.of("min", 3e-4, "max", 1e-2, "log", true));
  static final Map<String, Object> BAG_SPACE =
      Map.of(
          "embedding", List.of(16, 32, 64),
          "vocabulary", List.of(2000, 10000, 20000),
          "learning_rate", Map.of("min", 3e-4, "max", 1e-2, "log", true));

  private final String type;
  private final TextNetwork.Encoder encoder;

  private TextFamily(String type, TextNetwork.Encoder encoder, Class<P> params) {
    super(params, NEEDS, new EarlyStopping("patience", "epochs", EpochLoop.BEST_EPOCH));
    this.type = type;
    this.encoder = encoder;
  }

  static TextFamily<LstmParams> lstm() {
    return new TextFamily<>("text-lstm", TextNetwork.Encoder.LSTM, LstmParams.class);
  }

  static TextFamily<EmbeddingBagParams> bag() {
    return new TextFamily<>(
        "text-embedding-bag", TextNetwork.Encoder.BAG, EmbeddingBagParams.class);
  }

  private static List<ParamSpec> params(
      int vocabulary, int embedding, double learningRate, boolean lstm) {
    List<ParamSpec> params = new ArrayList<>();
    params.add(
        ParamSpec.integer(
            "vocabulary",
            vocabulary,
            3,
            1_000_000,
            "token indices read: the most frequent tokens (up to prep.text.max_features), less 2"
                + " for padding and unknown tokens"));
    params.add(ParamSpec.integer("length", 100, 1, 1000, "the most tokens read, a text's last"));
    params.add(ParamSpec.integer("embedding", embedding, 1, 4096, "width of a token's vector"));
    if (lstm) {
      params.add(ParamSpec.integer("units", 32, 1, 4096, "width of the LSTM's state"));
    }
    params.add(
        ParamSpec.integers(
            "hidden",
            List.of(),
            1,
            4096,
            "hidden layers (relu) between the text's vector, with the other features, and the"
                + " output: [] for none"));
    params.add(ParamSpec.integer("batch_size", 32, 1, 65536, "rows per gradient step"));
    params.add(ParamSpec.real("learning_rate", learningRate, 1e-6, 1, "Adam's step size"));
    params.add(ParamSpec.integer("epochs", 10, 1, 1000, "the most passes over the training rows"));
    params.add(
        ParamSpec.integer(
            "patience",
            3,
            1,
            1000,
            "epochs without a better validation loss before training stops"));
    params.add(
        ParamSpec.choice(
            "class_weights",
            "none",
            List.of("none", "balanced"),
            "balanced weighs each class equally in the loss"));
    return List.copyOf(params);
  }

  /** Trains on the GPU too, with TensorFlow's GPU build. */
  @Override
  public void checkDevice(String type, EngineConfig engine) {
    TensorFlowDevice.check(engine);
  }

  /**
   * Fits on the training rows, stopping early on the validation rows' loss when there are any.
   *
   * @throws PrecisException (usage) when the rows have no text column
   */
  @Override
  public ModelArtifact fit(
      EncodedData train, EncodedData valid, P params, Task task, EngineConfig engine, long seed) {
    if (train.sequences().isEmpty()) {
      throw PrecisException.usage(
          "model type '"
              + type
              + "' reads a text column, and the data has none; mark it with data.types: {COLUMN:"
              + " text}, or choose another model.type");
    }
    try {
      return new TextTrainer(encoder, params, engine, seed).train(train, valid);
    } catch (IllegalStateException | IllegalArgumentException e) {
      throw new PrecisException(
          1, "TensorFlow could not train the " + type + ": " + e.getMessage(), e);
    }
  }
}
