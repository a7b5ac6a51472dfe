package dev.precis.model;

import static dev.precis.model.PlattScalingTest.labels;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Specifies calibrator.json: it reads back as the calibrator it was, and only as one. */
class CalibratorArtifactTest {
  private static final double[] SCORES = {0.02, 0.1, 0.1, 0.35, 0.4, 0.7, 0.9};
  private static final boolean[] LABELS = labels(0, 0, 1, 0, 1, 1, 1);

  @Test
  void bothMethodsReadBackAsTheyWereSaved() throws IOException {
    for (ScoreCalibrator fitted :
        List.of(PlattScaling.fit(SCORES, LABELS), IsotonicCalibration.fit(SCORES, LABELS))) {
      CalibratorArtifact saved = new CalibratorArtifact(CalibratorArtifact.NAME, fitted);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      saved.save(bytes);
      CalibratorArtifact read =
          (CalibratorArtifact)
              ArtifactKinds.loader(CalibratorArtifact.KIND)
                  .orElseThrow()
                  .load(CalibratorArtifact.NAME, bytes.toByteArray());
      for (double score = 0; score <= 1; score += 0.01) {
        assertEquals(fitted.apply(score), read.calibrator().apply(score), 0, fitted + " " + score);
      }
    }
  }

  @Test
  void refusesBytesThatAreNotACalibratorItWrote() {
    for (String json :
        List.of(
            "not json",
            "{\"method\": \"beta\", \"a\": 1}",
            "{\"method\": \"platt\", \"a\": \"NaN\", \"b\": 0}",
            "{\"method\": \"isotonic\", \"x\": [0.5, 0.2], \"y\": [0, 1]}")) {
      assertThrows(
          IOException.class,
          () -> CalibratorArtifact.load("calibrator.json", json.getBytes(StandardCharsets.UTF_8)),
          json);
    }
  }
}
