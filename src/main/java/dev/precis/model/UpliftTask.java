package dev.precis.model;

import dev.precis.config.ModelConfig.Uplift;
import java.util.ArrayList;
import java.util.List;

/**
 * How much a treatment raises the chance of an outcome: the models of {@code approach} over the
 * pipeline's features, combined into each row's uplift, p(outcome | treated) - p(outcome |
 * control). Its scorer is an {@link UpliftScorer}. Under two-model the bundle holds the treated
 * arm's model first, then the control arm's; under single-model, class-transformation and forest
 * one model.
 *
 * @param treatment the column holding each row's arm; never a feature
 * @param treated its value of the treated arm
 * @param control its value of the control arm
 * @param outcome the outcome column (data.target)
 * @param positive the outcome value that counts as a response
 * @param approach how the response models make the uplift
 */
public record UpliftTask(
    String treatment,
    String treated,
    String control,
    String outcome,
    String positive,
    Uplift approach)
    implements Task {

  /** The feature that tells a single-model fit which arm a row is in: 1 treated, 0 control. */
  public static final String ARM_FEATURE = "(treated)";

  @Override
  public UpliftScorer scorer(List<ModelArtifact> models, List<String> featureNames) {
    return switch (approach) {
      case TWO_MODEL ->
          new ArmScorer(models.get(0).scorer(featureNames), models.get(1).scorer(featureNames));
      case SINGLE_MODEL -> {
        Scorer both = models.get(0).scorer(withArm(featureNames));
        yield new ArmScorer(new WithArm(both, 1.0), new WithArm(both, 0.0));
      }
      case CLASS_TRANSFORMATION -> new TransformedOutcomeScorer(models.get(0).scorer(featureNames));
      case FOREST -> UpliftForest.scorerOf(models.get(0), featureNames);
    };
  }

  /** The features of a single-model fit: the pipeline's, then the arm. */
  public static List<String> withArm(List<String> featureNames) {
    List<String> names = new ArrayList<>(featureNames);
    names.add(ARM_FEATURE);
    return names;
  }
}
