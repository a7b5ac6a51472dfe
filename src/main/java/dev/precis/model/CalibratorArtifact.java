package dev.precis.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.precis.config.Mappers;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A {@link ScoreCalibrator} as an entry of the bundle, calibrator.json. It scores no rows itself:
 * the task applies it to the scores of the bundle's model (see {@link ResponseTask}), so train's
 * metrics, eval, predict and tune's folds all score through it.
 */
public record CalibratorArtifact(String name, ScoreCalibrator calibrator) implements ScoreMapping {
  public static final String KIND = "calibrator";

  /** Its name in the bundle. */
  public static final String NAME = "calibrator.json";

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public void save(OutputStream out) throws IOException {
    out.write(Mappers.json().writeValueAsBytes(calibrator));
  }

  /** The scores of {@code model}, calibrated. */
  @Override
  public Scorer applied(Scorer model) {
    return (rows, n, scores) -> {
      model.score(rows, n, scores);
      for (int r = 0; r < n; r++) {
        scores[r] = calibrator.apply(scores[r]);
      }
    };
  }

  /**
   * Reads a calibrator saved by {@link #save}.
   *
   * @throws IOException when the bytes are not a calibrator
   */
  static CalibratorArtifact load(String name, byte[] bytes) throws IOException {
    try {
      return new CalibratorArtifact(name, Mappers.json().readValue(bytes, ScoreCalibrator.class));
    } catch (JsonProcessingException e) {
      throw new IOException("not a calibrator: " + Mappers.problem(e), e);
    }
  }
}
