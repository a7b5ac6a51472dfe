package dev.precis.uplift;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Specifies that class-transformation corrects for a treated share far from one half: with a fifth
 * of the experiment treated, 2 p(z) - 1 would put about +0.48 on customers the treatment does not
 * change; weighing the arms equally gives each segment its planted uplift.
 */
class UpliftTreatedShareTest {
  @TempDir Path dir;

  @Test
  void classTransformationRecoversThePlantedUpliftWhateverTheTreatedShare() throws IOException {
    Path data = dir.resolve("experiment.csv");
    UpliftFixture.write(data, 13, 0.15);
    List<String> scored =
        UpliftFixture.trainAndPredict(
            dir,
            "ct",
            UpliftFixture.config(dir, data),
            data,
            List.of("--set", "model.uplift=class-transformation"));
    double[] mean = UpliftFixture.meanUpliftBySegment(scored, data);
    assertEquals(0.0, mean[0], 0.08, "segments A and C: no effect planted");
    assertEquals(0.35, mean[1], 0.1, "segment B: +0.35 planted");
  }
}
