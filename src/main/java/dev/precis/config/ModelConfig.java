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
 */
public record ModelConfig(String type, Map<String, Object> params, Calibration calibration) {

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
    params =
        params == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }

  /** The same calibration for another type or parameters. */
  public ModelConfig with(String newType, Map<String, Object> newParams) {
    return new ModelConfig(newType, newParams, calibration);
  }
}
