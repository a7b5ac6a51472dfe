package dev.precis.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.precis.config.ModelConfig;

/**
 * A non-decreasing map from a model's score to a probability, fitted on the validation rows after
 * the model, and saved in the bundle as calibrator.json, tagged with its method.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "method")
@JsonSubTypes({
  @JsonSubTypes.Type(value = PlattScaling.class, name = "platt"),
  @JsonSubTypes.Type(value = IsotonicCalibration.class, name = "isotonic")
})
public sealed interface ScoreCalibrator permits PlattScaling, IsotonicCalibration {
  /** The probability of a response for a model score within [0, 1]; within [0, 1] itself. */
  double apply(double score);

  /**
   * Fits a calibrator of one method.
   *
   * @param method platt or isotonic
   * @param scores the model's scores of the rows, within [0, 1]
   * @param positive each row's label
   * @throws IllegalArgumentException for another method, or no rows
   */
  static ScoreCalibrator fit(ModelConfig.Calibration method, double[] scores, boolean[] positive) {
    if (scores.length == 0) {
      throw new IllegalArgumentException("a calibrator needs rows to fit on");
    }
    return switch (method) {
      case PLATT -> PlattScaling.fit(scores, positive);
      case ISOTONIC -> IsotonicCalibration.fit(scores, positive);
      case NONE, AUTO -> throw new IllegalArgumentException("not a calibration method: " + method);
    };
  }
}
