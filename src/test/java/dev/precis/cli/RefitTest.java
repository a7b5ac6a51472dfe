package dev.precis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Specifies tune --refit: the best config is fitted on every training row, its validation part
 * included, spending the rounds early stopping kept on the configured split; a type whose
 * calibrator is fitted on the validation rows keeps them.
 */
class RefitTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private JsonNode refit(String model, String... extra) throws IOException {
    CliRun run =
        CliRun.tune(
            dir,
            CliRun.concat(
                List.of("--model", model, "--trials", "1", "--folds", "2", "--refit"), extra));
    assertEquals(0, run.exitCode(), run.transcript());
    return JSON.readTree(dir.resolve("best.train-report.json").toFile());
  }

  @Test
  void fitsEveryTrainingRowWithTheRoundsEarlyStoppingKept() throws IOException {
    JsonNode report =
        refit("xgboost", "--set", "tune.space={learning_rate: [0.3], max_depth: [3]}");
    JsonNode splits = report.path("splits");
    assertEquals(List.of("train", "test"), fieldNames(splits), report.toString());
    long rows =
        splits.path("train").path("rows").asLong() + splits.path("test").path("rows").asLong();
    assertEquals(BankData.lines().size() - 1, rows, "every row is in train or test");
    JsonNode fit = report.path("fit");
    assertEquals(fit.path("rounds_run").asInt(), fit.path("best_round").asInt(), fit.toString());
    assertTrue(fit.path("rounds_run").asInt() < 1000, "the kept rounds, not the cap: " + fit);
  }

  @Test
  void aTypeCalibratedOnTheValidationRowsKeepsThem() throws IOException {
    JsonNode report = refit("linear-svm");
    assertTrue(report.path("splits").has("valid"), report.toString());
    assertEquals("platt", report.path("calibration").path("method").asText());
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
