package dev.precis.data;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.precis.config.PrepConfig;

/**
 * What a model family needs from the feature pipeline, so that the pipeline gives each family
 * exactly the features it can use: scaled numbers for gradient methods, numbers as they are for
 * trees, non-negative values for naive Bayes, normal scores of quantiles for the mlp.
 *
 * @param numbers the form numeric features take
 * @param missingAsAbsent whether a missing number is left out of the row (with its indicator
 *     feature set) instead of filled in, for engines that handle missing values themselves
 * @param text the form text columns take
 */
public record PipelineNeeds(Numbers numbers, boolean missingAsAbsent, Text text) {
  /** The form of text columns' features. */
  public enum Text {
    /** A bag of weighted terms, as prep.text says (see {@link TextStep}). */
    @JsonProperty("bag")
    BAG,
    /** The text's tokens as vocabulary indices, in order (see {@link SequenceStep}). */
    @JsonProperty("sequence")
    SEQUENCE
  }

  /** The form of numeric features. */
  public enum Numbers {
    /** Scaled as prep.scale says. */
    @JsonProperty("scaled")
    SCALED("numbers scaled as prep.scale says"),
    /** As they are, whatever prep.scale says: a tree splits on their order alone. */
    @JsonProperty("raw")
    RAW("numbers as they are"),
    /** Shifted and scaled into [0, 1] by the training range, as count-like models need. */
    @JsonProperty("non_negative")
    NON_NEGATIVE("numbers min-max scaled into [0, 1]"),
    /**
     * The normal scores of their ranks among the training values (prep.scale quantile), whatever
     * prep.scale says: heavy tails and spikes spread evenly for a network's gradients.
     */
    @JsonProperty("quantile")
    QUANTILE("numbers as normal scores of their training quantiles");

    private final String description;

    Numbers(String description) {
      this.description = description;
    }
  }

  /** Scaled numbers, missing values filled in: what gradient-trained models need. */
  public static final PipelineNeeds SCALED = new PipelineNeeds(Numbers.SCALED, false);

  /** Numbers as they are, missing values filled in: what Tribuo's trees need. */
  public static final PipelineNeeds RAW = new PipelineNeeds(Numbers.RAW, false);

  /** Needs with text as a bag of terms. */
  public PipelineNeeds(Numbers numbers, boolean missingAsAbsent) {
    this(numbers, missingAsAbsent, Text.BAG);
  }

  public PipelineNeeds {
    java.util.Objects.requireNonNull(numbers, "numbers");
    // prepared.json written before text sequences existed holds bags
    text = text == null ? Text.BAG : text;
  }

  /**
   * Whether features made for these needs serve a family that has {@code family}'s: a tree splits
   * on the order of numbers alone and takes them in any form, with missing ones filled in or left
   * out (their indicator is set either way); other families need their own form of numbers. Texts
   * must come in the form the family reads.
   */
  public boolean serve(PipelineNeeds family) {
    return family.text == text && (family.numbers == Numbers.RAW || family.numbers == numbers);
  }

  /** What the features hold, for messages: "numbers as they are, texts as bags of terms". */
  public String describe() {
    return numbers.description
        + (text == Text.SEQUENCE ? ", texts as token sequences" : ", texts as bags of terms");
  }

  /** The prep settings a pipeline for such a family is fitted with. */
  public PrepConfig prep(PrepConfig configured) {
    return switch (numbers) {
      case SCALED -> configured;
      case RAW -> configured.withRawNumbers();
      case NON_NEGATIVE -> configured.withScale(PrepConfig.Scale.MINMAX);
      case QUANTILE -> configured.withScale(PrepConfig.Scale.QUANTILE);
    };
  }
}
