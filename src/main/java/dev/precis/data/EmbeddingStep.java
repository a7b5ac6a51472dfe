package dev.precis.data;

import dev.precis.PrecisException;
import dev.precis.config.PrepConfig;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.stream.IntStream;

/**
 * A text column as the vector a pretrained sentence encoder gives it (prep.text.embed): one dense
 * feature per number, "message:minilm:0" to "message:minilm:383", in place of a bag of terms. The
 * encoder is fixed, so nothing is learnt from the training rows; pipeline.json names the encoder,
 * its model and the release that ships it, and a Precis that ships another release refuses to apply
 * it rather than give other numbers. A missing or blank text gives no features (all zeros).
 *
 * @param name the column
 * @param encoder the encoder, as prep.text.embed names it: minilm
 * @param model the model it runs
 * @param version the release of the artifact that ships the model
 * @param dimension the numbers per text
 * @param shifted whether each number x (in [-1, 1]) is written as (x + 1) / 2, in [0, 1], for a
 *     family that needs non-negative features, such as naive Bayes
 */
public record EmbeddingStep(
    String name, String encoder, String model, String version, int dimension, boolean shifted)
    implements SingleColumnStep {

  /**
   * @throws PrecisException (data) when the pipeline names an encoder this Precis does not have
   */
  public EmbeddingStep {
    if (!MiniLm.NAME.equals(encoder)
        || !MiniLm.MODEL.equals(model)
        || dimension != MiniLm.DIMENSION) {
      throw PrecisException.data(
          "the pipeline embeds column '"
              + name
              + "' with "
              + encoder
              + " ("
              + model
              + ", "
              + dimension
              + " numbers); this Precis knows "
              + MiniLm.NAME
              + " ("
              + MiniLm.MODEL
              + ", "
              + MiniLm.DIMENSION
              + ")");
    }
  }

  /** The encoder prep.text.embed names, as the shipped release runs it. */
  public static EmbeddingStep fit(TrainingColumn column, PrepConfig prep, PipelineNeeds needs) {
    return new EmbeddingStep(
        column.name(),
        MiniLm.NAME,
        MiniLm.MODEL,
        MiniLm.version(),
        MiniLm.DIMENSION,
        needs.numbers() == PipelineNeeds.Numbers.NON_NEGATIVE);
  }

  /**
   * Tells {@code listener} how many texts the sentence encoder has encoded so far in this process
   * (identical texts count once), every few hundred texts, from whichever thread encodes; null
   * stops telling. For a progress line while a long file is embedded.
   */
  public static void progress(LongConsumer listener) {
    MiniLm.progress(listener);
  }

  @Override
  public List<String> featureNames() {
    return IntStream.range(0, dimension).mapToObj(d -> name + ":" + encoder + ":" + d).toList();
  }

  /**
   * @throws PrecisException (data) when the pipeline was made with another release of the model
   */
  @Override
  public StepEncoder encoder(int[] columns, int first, MissingValues missing) {
    String shipped = MiniLm.version();
    if (!shipped.equals(version)) {
      throw PrecisException.data(
          "the pipeline embeds column '"
              + name
              + "' with "
              + model
              + " "
              + version
              + ", but this Precis ships "
              + shipped
              + ", whose numbers may differ: train the model again");
    }
    int column = columns[0];
    return (fields, out) -> {
      String text = fields[column];
      if (missing.isMissing(text)) {
        return;
      }
      float[] vector = MiniLm.embed(text);
      for (int d = 0; d < dimension; d++) {
        double value = shifted ? (vector[d] + 1.0) / 2 : vector[d];
        if (value != 0) {
          out.put(first + d, value);
        }
      }
    };
  }
}
