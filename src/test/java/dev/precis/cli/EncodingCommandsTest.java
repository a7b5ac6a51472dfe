package dev.precis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Date features and target encoding through prep, train, eval and predict on a made-up customer
 * file, and the values a later file holds that training never had, counted per column.
 */
class EncodingCommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter DAY_FIRST = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final String[] SETTINGS = {
    "--set", "data.id=id",
    "--set", "data.types={signup: date, last_order: date}",
    "--set", "prep.dates.between=[[signup, last_order]]",
    "--set", "prep.encode.columns={zip: target}",
    "--quiet"
  };

  @TempDir static Path dir;
  private static Path model;
  private static Path later;

  /**
   * Customers whose response falls with the days since their last order and rises with their zip
   * number; {@code newLevels} rows of the later file have a plan and a zip training never had.
   */
  private static Path customers(Path file, int rows, long seed, int newLevels) throws IOException {
    Random random = new Random(seed);
    LocalDate end = LocalDate.of(2024, 6, 30);
    List<String> lines = new ArrayList<>(List.of("id,signup,last_order,plan,zip,y"));
    for (int i = 0; i < rows; i++) {
      LocalDate signup = end.minusDays(400 + random.nextInt(800));
      int recency = random.nextInt(365);
      LocalDate last = end.minusDays(recency);
      int zip = random.nextInt(80);
      boolean fresh = i < newLevels;
      String plan = fresh ? "enterprise" : List.of("basic", "plus", "pro").get(random.nextInt(3));
      double p = 0.6 - recency / 730.0 + zip / 400.0;
      lines.add(
          String.join(
              ",",
              "C" + seed + "-" + i,
              signup.toString(),
              random.nextInt(20) == 0 ? "" : DAY_FIRST.format(last),
              plan,
              fresh && i % 2 == 0 ? "Z999" : "Z" + zip,
              random.nextDouble() < p ? "yes" : "no"));
    }
    return Files.write(file, lines);
  }

  @BeforeAll
  static void train() throws IOException {
    Path data = customers(dir.resolve("customers.csv"), 600, 1, 0);
    later = customers(dir.resolve("later.csv"), 300, 2, 6);
    model = dir.resolve("model.precis");
    CliRun run = CliRun.train(data, model, SETTINGS);
    assertEquals(0, run.exitCode(), run.transcript());
  }

  @Test
  void evalReportCountsUnseenValuesPerColumn() throws IOException {
    CliRun run =
        CliRun.precis("eval", "--model", model.toString(), "--data", later.toString(), "--json");
    assertEquals(0, run.exitCode(), run.transcript());
    JsonNode report = JSON.readTree(run.out());
    assertEquals(6, report.path("unseen_levels").path("plan").asLong(), report.toString());
    assertEquals(3, report.path("unseen_levels").path("zip").asLong(), report.toString());
    assertTrue(report.path("metrics").path("auc").asDouble() > 0.55, report.toString());

    CliRun text = CliRun.precis("eval", "--model", model.toString(), "--data", later.toString());
    assertTrue(
        text.transcript().contains("Not seen in training")
            && text.transcript().contains("6 values of plan, 3 values of zip"),
        text.transcript());
  }

  @Test
  void predictSummaryCountsUnseenValuesPerColumn() throws IOException {
    Path out = dir.resolve("scores.csv");
    CliRun run =
        CliRun.precis(
            "predict",
            "--model",
            model.toString(),
            "--data",
            later.toString(),
            "--out",
            out.toString(),
            "--force");
    assertEquals(0, run.exitCode(), run.transcript());
    JsonNode summary = JSON.readTree(dir.resolve("scores.summary.json").toFile());
    assertEquals(9, summary.path("unseen_levels").asLong(), summary.toString());
    assertEquals(6, summary.path("unseen_by_column").path("plan").asLong(), summary.toString());
    assertEquals(3, summary.path("unseen_by_column").path("zip").asLong(), summary.toString());
  }

  @Test
  void prepSavesTheDateAndTargetStepsInItsPipeline() throws IOException {
    Path out = dir.resolve("prepared");
    List<String> args =
        new ArrayList<>(
            List.of(
                "prep",
                "--data",
                dir.resolve("customers.csv").toString(),
                "--target",
                "y",
                "--out",
                out.toString()));
    args.addAll(List.of(SETTINGS));
    CliRun run = CliRun.precis(args);
    assertEquals(0, run.exitCode(), run.transcript());
    JsonNode pipeline = JSON.readTree(out.resolve("pipeline.json").toFile());
    List<String> tags = new ArrayList<>();
    pipeline.path("steps").forEach(step -> tags.add(step.path("step").asText()));
    assertTrue(
        tags.containsAll(List.of("date", "date_gap", "target_encoded", "categorical")),
        tags.toString());
    for (JsonNode step : pipeline.path("steps")) {
      if (step.path("step").asText().equals("target_encoded")) {
        assertEquals(80, step.path("rates").size(), step.toString());
      }
    }
  }
}
