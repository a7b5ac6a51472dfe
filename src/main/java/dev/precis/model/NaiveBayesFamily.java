package dev.precis.model;

import dev.precis.config.EngineConfig;
import dev.precis.data.EncodedData;
import dev.precis.data.PipelineNeeds;
import java.util.List;
import java.util.Map;
import org.tribuo.classification.mnb.MultinomialNaiveBayesTrainer;

/**
 * Multinomial naive Bayes, by Tribuo's trainer. It reads features as counts, so it asks the
 * pipeline for non-negative numbers: each scaled into [0, 1] by its training range.
 */
final class NaiveBayesFamily extends TypedFamily<NaiveBayesParams> {
  static final List<ParamSpec> PARAMS =
      List.of(
          ParamSpec.real(
              "alpha", 1.0, 1e-9, 1e6, "additive smoothing of the per-class feature totals"));
  static final Map<String, Object> SPACE =
      Map.of("alpha", Map.of("min", 0.01, "max", 10.0, "log", true));

  NaiveBayesFamily() {
    super(NaiveBayesParams.class, new PipelineNeeds(PipelineNeeds.Numbers.NON_NEGATIVE, false));
  }

  /**
   * Tribuo's multinomial naive Bayes keeps no class prior: a class's weight or share of the rows
   * scales its feature totals alike, which leaves its word probabilities, and so the scores, as
   * they were (but for the smoothing).
   */
  @Override
  public boolean learnsClassBalance() {
    return false;
  }

  @Override
  public ModelArtifact fit(
      EncodedData train,
      EncodedData valid,
      NaiveBayesParams params,
      Task task,
      EngineConfig engine,
      long seed) {
    return TribuoTraining.fit(
        "naive-bayes", new MultinomialNaiveBayesTrainer(params.alpha()), train);
  }
}
