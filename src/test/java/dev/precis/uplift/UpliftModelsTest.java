package dev.precis.uplift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precis.train.ModelTraining;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Specifies the uplift models: each approach finds the planted effect (segment B only) and ranks it
 * first; predict writes each arm's probability and the uplift; a bundle scores the same after it is
 * written and read back, and the same on any number of threads.
 */
class UpliftModelsTest {
  @TempDir static Path dir;
  static Path data;
  static Path config;

  @BeforeAll
  static void experiment() throws IOException {
    data = dir.resolve("experiment.csv");
    UpliftFixture.write(data, 5);
    config = UpliftFixture.config(dir, data);
  }

  @ParameterizedTest
  @CsvSource({"two-model, logistic", "single-model, xgboost", "class-transformation, logistic"})
  void eachApproachRanksThePlantedSegmentFirst(String approach, String base) throws IOException {
    List<String> scored =
        UpliftFixture.trainAndPredict(
            dir,
            approach,
            config,
            data,
            List.of("--set", "model.uplift=" + approach, "--model", base),
            "--top-percent",
            "20");
    if (approach.equals("class-transformation")) {
      for (String line : scored.subList(1, scored.size())) {
        String[] cells = line.split(",", -1);
        assertEquals("", cells[1] + cells[2], "no arm probabilities");
      }
    } else {
      UpliftFixture.assertUpliftIsTheArmsDifference(scored);
    }
    UpliftFixture.assertSegmentBRanksFirst(scored, data);
  }

  @Test
  void aTwoModelBundleHoldsBothArmsAndScoresTheSameReadBack() throws IOException {
    ModelTraining.Result result = train("model.type=logistic");
    List<String> names =
        result.bundle().manifest().artifacts().stream().map(a -> a.name()).toList();
    assertTrue(names.contains("treated.model.tribuo") && names.contains("control.model.tribuo"));
    UpliftFixture.assertScoresTheSameReadBack(result.bundle());
  }

  @Test
  void theSameSeedGivesTheSameUpliftOnOneThreadOrTwo() {
    ModelTraining.Result one =
        train("model.type=xgboost", "model.uplift=two-model", "engine.threads=1");
    ModelTraining.Result two =
        train("model.type=xgboost", "model.uplift=two-model", "engine.threads=2");
    UpliftFixture.assertSameScores(one.bundle(), two.bundle());
  }

  private static ModelTraining.Result train(String... sets) {
    return UpliftFixture.train(dir, config, List.of(sets));
  }
}
