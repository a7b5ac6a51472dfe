package dev.precis.model;

import dev.precis.config.ConfigException;
import dev.precis.config.ModelConfig.Calibration;
import dev.precis.data.EncodedData;
import java.util.List;
import java.util.Locale;

/**
 * What model.calibration adds after a family's fit: the calibrator fitted on the model's scores of
 * the validation rows, which follows the model among the bundle's artifacts. Train and tune both
 * call it, so a model is measured as it will be scored.
 */
public final class CalibratedFit {
  private CalibratedFit() {}

  /**
   * The method a setting comes to for a type: {@code auto} is platt where the family's scores are
   * not probabilities and there are validation rows to fit on, none otherwise.
   *
   * @param validRows the rows the calibrator would be fitted on
   * @throws ConfigException when platt or isotonic is asked for and there are no validation rows
   */
  public static Calibration method(Calibration setting, ModelType type, int validRows) {
    return switch (setting) {
      case AUTO -> wanted(setting, type) && validRows > 0 ? Calibration.PLATT : Calibration.NONE;
      case NONE -> Calibration.NONE;
      case PLATT, ISOTONIC -> {
        if (validRows == 0) {
          throw new ConfigException(
              "model.calibration",
              setting.name().toLowerCase(Locale.ROOT)
                  + " is fitted on the validation rows, and there are none (prep.split.valid is"
                  + " 0, or the prep directory has no valid part); set prep.split.valid to e.g."
                  + " 0.15, or model.calibration: none");
        }
        yield setting;
      }
    };
  }

  /**
   * Whether a setting asks for a calibrator for a type, that is for validation rows to fit it on:
   * platt and isotonic always, auto where the family's scores are not probabilities.
   */
  public static boolean wanted(Calibration setting, ModelType type) {
    return switch (setting) {
      case NONE -> false;
      case PLATT, ISOTONIC -> true;
      case AUTO -> !type.probabilistic();
    };
  }

  /**
   * The artifacts that score as calibrated: the fitted ones alone for {@code none}, else followed
   * by the calibrator fitted on their scores.
   *
   * @param fitted the model and what maps its scores before calibration (its prior-shift
   *     correction)
   * @param method a result of {@link #method}
   * @param valid the rows to fit the calibrator on (rows the model was not fitted on)
   */
  public static List<ModelArtifact> artifacts(
      List<ModelArtifact> fitted, Calibration method, EncodedData valid, Task task) {
    if (method == Calibration.NONE) {
      return fitted;
    }
    double[] scores = task.scorer(fitted, valid.featureNames()).score(valid.x());
    ScoreCalibrator calibrator = ScoreCalibrator.fit(method, scores, valid.y());
    List<ModelArtifact> all = new java.util.ArrayList<>(fitted);
    all.add(new CalibratorArtifact(CalibratorArtifact.NAME, calibrator));
    return List.copyOf(all);
  }
}
