package dev.precis.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The model family, its hyperparameters, and how its scores are calibrated. Which parameters a
 * family takes, their defaults and ranges are declared by the family in {@code
 * dev.precis.model.ModelCatalog}.
 *
 * @param calibration the map fitted on the validation rows from the model's scores to probabilities
 * @param uplift under task uplift, how model.type (the base learner) is turned into an uplift model
 */
public record ModelConfig(
    String type, Map<String, Object> params, Calibration calibration, Uplift uplift) {

  /**
   * How an uplift model is made of response models of model.type (README "Uplift" gives the
   * formulas).
   */
  public enum Uplift {
    /** One model per arm (T-learner); uplift = p(treated model) - p(control model). */
    @JsonProperty("two-model")
    TWO_MODEL,
    /** One model with the arm as a feature (S-learner), scored as treated and as control. */
    @JsonProperty("single-model")
    SINGLE_MODEL,
    /**
     * One model of the transformed outcome z = y*t + (1-y)*(1-t), the arms weighed equally; uplift
     * = 2 p(z) - 1.
     */
    @JsonProperty("class-transformation")
    CLASS_TRANSFORMATION,
    /**
     * No base learner: an uplift random forest (model.type uplift-forest) that splits on the
     * divergence between the arms; uplift = the mean over its trees of the leaf's treated rate
     * minus its control rate.
     */
    @JsonProperty("forest")
    FOREST
  }

  /** How a model's scores are turned into probabilities after its fit. */
  public enum Calibration {
    /** The scores as the model gives them. */
    @JsonProperty("none")
    NONE,
    /** A logistic regression on the logit of the score (Platt scaling). */
    @JsonProperty("platt")
    PLATT,
    /** A non-decreasing step function fitted by pool-adjacent-violators, interpolated. */
    @JsonProperty("isotonic")
    ISOTONIC,
    /** Platt for a family whose scores are not probabilities, none for the others. */
    @JsonProperty("auto")
    AUTO
  }

  public ModelConfig {
    Check.present(type, "model.type");
    Check.present(calibration, "model.calibration");
    uplift = uplift == null ? Uplift.TWO_MODEL : uplift;
    params =
        params == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }

  /** The same calibration for another type or parameters. */
  public ModelConfig with(String newType, Map<String, Object> newParams) {
    return new ModelConfig(newType, newParams, calibration, uplift);
  }
}
