package dev.precis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.precis.io.InputFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Specifies the columns a model relies on most, carried from training to eval: the bundle keeps the
 * train report's importance (importance.json), eval reports it as top_features, labelled as
 * measured in training, and its page draws the train page's bar charts, a challenger's beside the
 * model's. A bundle that keeps none still evaluates.
 */
class EvalTopFeaturesTest {
  private static final String DATA = BankData.CSV.toString();
  private static final Path OLD_BUNDLE =
      Path.of("src/test/resources/fixtures/bank-logistic-0.1.0.precis");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path shared;
  private static Path model;
  private static Path challenger;
  private static JsonNode modelTraining;
  private static JsonNode challengerTraining;

  @TempDir Path tmp;

  @BeforeAll
  static void trainTwoModels() throws IOException {
    model = shared.resolve("bank.precis");
    challenger = shared.resolve("tree.precis");
    HtmlPages.trainModelAndChallenger(model, challenger);
    modelTraining = JSON.readTree(shared.resolve("bank.train-report.json").toFile());
    challengerTraining = JSON.readTree(shared.resolve("tree.train-report.json").toFile());
  }

  private record Evaluated(CliRun run, String html, JsonNode report) {}

  private Evaluated eval(Path bundle, String... more) throws IOException {
    Path html = tmp.resolve("report.html");
    Path json = tmp.resolve("report.json");
    List<String> args =
        new ArrayList<>(
            List.of(
                "eval",
                "--model",
                bundle.toString(),
                "--data",
                DATA,
                "--html",
                html.toString(),
                "--out",
                json.toString()));
    args.addAll(List.of(more));
    CliRun run = CliRun.precis(args);
    assertEquals(0, run.exitCode(), run.transcript());
    return new Evaluated(run, Files.readString(html), JSON.readTree(json.toFile()));
  }

  @Test
  void bundleKeepsTheTrainReportsImportanceListedInItsManifest() throws IOException {
    try (ZipFile zip = new ZipFile(model.toFile())) {
      byte[] bytes = zip.getInputStream(zip.getEntry("importance.json")).readAllBytes();
      JsonNode listed = null;
      for (JsonNode artifact :
          JSON.readTree(zip.getInputStream(zip.getEntry("manifest.json"))).path("artifacts")) {
        if (artifact.path("name").asText().equals("importance.json")) {
          listed = artifact;
        }
      }
      assertNotNull(listed, "importance.json is listed in the manifest");
      assertEquals("feature-importance", listed.path("kind").asText());
      assertEquals(InputFile.sha256(bytes), listed.path("sha256").asText());
      JsonNode kept = JSON.readTree(bytes);
      assertEquals("precis.importance/1", kept.path("schema").asText());
      assertEquals(modelTraining.path("importance"), kept.path("importance"));
      assertEquals(modelTraining.path("model_importance"), kept.path("model_importance"));
    }
  }

  @Test
  void evalReportsTheTrainingImportanceAndDrawsItsBars() throws IOException {
    Evaluated eval = eval(model);
    JsonNode top = eval.report().path("top_features");
    assertEquals(modelTraining.path("importance"), top.path("importance"));
    assertEquals(modelTraining.path("model_importance"), top.path("model_importance"));
    assertEquals("the training run's validation rows", top.path("measured_on").asText());

    String section = section(eval.html());
    assertTrue(section.contains("not recomputed on this file"), section);
    List<String> svgs = HtmlPages.elements(section, "svg");
    assertEquals(
        List.of("Column importance: coefficients", "Column importance: permutation"),
        HtmlPages.titlesOfLabelledCharts(svgs));
    HtmlPages.assertBars(svgs.get(0), top.at("/model_importance/columns"), "value");
    HtmlPages.assertBars(svgs.get(1), top.at("/importance/columns"), "mean");

    String first = top.at("/importance/columns/0/column").asText();
    String line =
        eval.run()
            .err()
            .lines()
            .filter(l -> l.startsWith("Top columns (training): "))
            .findFirst()
            .orElseThrow(() -> new AssertionError(eval.run().transcript()));
    assertTrue(line.startsWith("Top columns (training): " + first + ", "), line);
    assertTrue(line.length() <= 80, line);
  }

  @Test
  void challengerPageShowsBothModelsTopColumnsSideBySide() throws IOException {
    Evaluated eval = eval(model, "--challenger", challenger.toString(), "--quiet");
    JsonNode theirs = eval.report().at("/comparison/challenger_top_features");
    assertEquals(challengerTraining.path("importance"), theirs.path("importance"));

    // one column per model, each under its name, the model's first
    String section = section(eval.html());
    int modelAt = section.indexOf("<div><h3>model bank.precis</h3>");
    int challengerAt = section.indexOf("<div><h3>challenger tree.precis</h3>");
    assertTrue(0 < modelAt && modelAt < challengerAt, section);
    List<String> ours = HtmlPages.elements(section.substring(modelAt, challengerAt), "svg");
    List<String> others = HtmlPages.elements(section.substring(challengerAt), "svg");
    assertEquals(2, ours.size(), "coefficients and permutation");
    HtmlPages.assertBars(
        ours.get(ours.size() - 1), eval.report().at("/top_features/importance/columns"), "mean");
    // a tree has no measure of its own: permutation importance only
    assertEquals(
        List.of("Column importance: permutation"), HtmlPages.titlesOfLabelledCharts(others));
    HtmlPages.assertBars(others.get(0), theirs.at("/importance/columns"), "mean");
  }

  @Test
  void bundleWithoutImportanceStillEvaluatesWithNoTopColumns() throws IOException {
    Evaluated eval = eval(OLD_BUNDLE, "--quiet");
    assertTrue(eval.report().has("top_features"), "the field is there");
    assertTrue(eval.report().path("top_features").isNull(), "and null");
    assertFalse(eval.html().contains("Top columns"), "no section");
    assertEquals(
        List.of(
            "ROC curve",
            "Precision-recall curve",
            "Cumulative gains",
            "Lift by score bin",
            "Calibration"),
        HtmlPages.titlesOfLabelledCharts(HtmlPages.elements(eval.html(), "svg")),
        "the curves' charts only");
  }

  /** The page's top columns section, from its heading to the page's end. */
  private static String section(String html) {
    int at = html.indexOf("<h2>Top columns (measured in training, not on this file)</h2>");
    assertTrue(at > 0, "a top columns section");
    return html.substring(at);
  }
}
