package dev.precis.uplift;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.precis.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
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
    Path bundle = dir.resolve("ct.precis");
    CliRun train =
        CliRun.precis(
            "train",
            "--config",
            UpliftFixture.config(dir, data).toString(),
            "--set",
            "model.uplift=class-transformation",
            "--out",
            bundle.toString(),
            "--quiet");
    assertEquals(0, train.exitCode(), train.transcript());
    Path scored = dir.resolve("scored.csv");
    CliRun predict =
        CliRun.precis(
            "predict",
            "--model",
            bundle.toString(),
            "--data",
            data.toString(),
            "--out",
            scored.toString(),
            "--quiet");
    assertEquals(0, predict.exitCode(), predict.transcript());
    List<String> lines = Files.readAllLines(scored);
    List<String[]> input =
        Files.readAllLines(data).stream().skip(1).map(l -> l.split(",")).toList();
    double[] sum = new double[2];
    long[] count = new long[2];
    for (int i = 1; i < lines.size(); i++) {
      int b = input.get(i - 1)[2].equals("B") ? 1 : 0;
      sum[b] += Double.parseDouble(lines.get(i).split(",", -1)[3]);
      count[b]++;
    }
    assertEquals(0.0, sum[0] / count[0], 0.08, "segments A and C: no effect planted");
    assertEquals(0.35, sum[1] / count[1], 0.1, "segment B: +0.35 planted");
  }
}
