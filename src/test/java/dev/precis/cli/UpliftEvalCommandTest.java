package dev.precis.cli;

import static dev.precis.cli.OneLineError.assertOneLineError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.precis.config.Mappers;
import dev.precis.eval.UpliftAtK;
import dev.precis.eval.UpliftMetrics;
import dev.precis.eval.UpliftScores;
import dev.precis.report.UpliftHtml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Specifies eval on an uplift bundle: the default two-model logistic regression of
 * sample-data/hillstrom/hillstrom.yaml, trained on the first rows of its train.csv and evaluated on
 * the first rows of its test.csv (three arms: the men's e-mail rows are skipped).
 */
class UpliftEvalCommandTest {
  private static final Path CONFIG = Path.of("sample-data/hillstrom/hillstrom.yaml");
  private static final int TRAIN_ROWS = 8000;
  private static final int TEST_ROWS = 4000;

  @TempDir static Path shared;
  private static Path test;
  private static Path visit;
  private static Path conversion;

  @TempDir Path tmp;

  @BeforeAll
  static void trainOnVisitAndOnConversion() throws IOException {
    Path train = head(Path.of("sample-data/hillstrom/train.csv"), TRAIN_ROWS, "train.csv");
    test = head(Path.of("sample-data/hillstrom/test.csv"), TEST_ROWS, "test.csv");
    visit = train(train, "visit.precis");
    conversion =
        train(
            train,
            "conversion.precis",
            "--set",
            "data.target=conversion",
            "--set",
            "data.drop=[visit,spend]");
  }

  private static Path head(Path file, int rows, String name) throws IOException {
    List<String> lines = Files.readAllLines(file);
    return Files.write(shared.resolve(name), lines.subList(0, rows + 1));
  }

  private static Path train(Path data, String name, String... options) {
    Path out = shared.resolve(name);
    CliRun run = CliRun.withConfig("train", CONFIG, data, out, options);
    assertEquals(0, run.exitCode(), run.transcript());
    return out;
  }

  private static CliRun eval(Path model, Path data, String... options) {
    List<String> args =
        new ArrayList<>(
            List.of("eval", "--model", model.toString(), "--data", data.toString(), "--quiet"));
    args.addAll(List.of(options));
    return CliRun.precis(args);
  }

  private static JsonNode report(Path model) throws IOException {
    CliRun run = eval(model, test, "--json");
    assertEquals(0, run.exitCode(), run.transcript());
    return Mappers.json().readTree(run.out());
  }

  @Test
  void theUpliftSectionHoldsTheMetricsOfPredictsScoresOnTheRowsOfBothArms() throws IOException {
    Path scored = tmp.resolve("scored.csv");
    CliRun predict =
        CliRun.precis(
            "predict",
            "--model",
            visit.toString(),
            "--data",
            test.toString(),
            "--out",
            scored.toString(),
            "--quiet");
    assertEquals(0, predict.exitCode(), predict.transcript());
    List<String> rows = Files.readAllLines(test);
    List<String> scores = Files.readAllLines(scored);
    assertEquals(rows.size(), scores.size(), "predict scores every row");
    // history_segment's values hold quoted commas ("7) $1,000 +"): count the columns from the end
    List<String> header = List.of(rows.get(0).split(","));
    int arm = header.size() - header.indexOf("segment");
    int outcome = header.size() - header.indexOf("visit");
    int uplift = List.of(scores.get(0).split(",")).indexOf("uplift");
    int n = 0;
    double[] score = new double[rows.size()];
    boolean[] treated = new boolean[rows.size()];
    boolean[] visited = new boolean[rows.size()];
    for (int i = 1; i < rows.size(); i++) {
      String[] fields = rows.get(i).split(",");
      String value = fields[fields.length - arm];
      if (value.equals("Womens E-Mail") || value.equals("No E-Mail")) {
        score[n] = Double.parseDouble(scores.get(i).split(",")[uplift]);
        treated[n] = value.equals("Womens E-Mail");
        visited[n++] = fields[fields.length - outcome].equals("1");
      }
    }
    UpliftScores expected =
        UpliftScores.of(
            java.util.Arrays.copyOf(score, n),
            java.util.Arrays.copyOf(treated, n),
            java.util.Arrays.copyOf(visited, n));

    JsonNode report = report(visit);
    JsonNode section = report.path("uplift");
    assertEquals("uplift", report.path("task").asText());
    assertEquals(n, section.path("rows").asLong());
    assertEquals(TEST_ROWS - n, report.path("skipped_rows").asLong(), "the men's e-mail rows");
    assertTrue(report.path("skipped").get(0).asText().contains("arm 'Mens E-Mail'"));
    long treatedRows = 0;
    for (int i = 0; i < n; i++) {
      treatedRows += treated[i] ? 1 : 0;
    }
    assertEquals(treatedRows, section.path("treated_rows").asLong());
    // predict writes scores to 1e-6, eval keeps them whole: the order may differ within a tie
    assertEquals(expected.qiniAuc(), section.path("qini_auc").asDouble(), 1e-4);
    assertEquals(expected.upliftAuc(), section.path("uplift_auc").asDouble(), 1e-4);
    UpliftAtK at = expected.upliftAt(UpliftScores.DEFAULT_K);
    assertEquals(at.overall(), section.path("uplift_at_k").path("overall").asDouble(), 1e-3);
    for (String none : List.of("metrics", "gini", "calibration", "roc", "threshold")) {
      assertTrue(report.path(none).isNull(), none + " has no meaning for uplift scores");
    }
  }

  @Test
  void aQiniGateFailsAboveTheModelsValueAndPassesBelowIt() throws IOException {
    double qini = report(visit).path("uplift").path("qini_auc").asDouble();
    CliRun above = eval(visit, test, "--fail-under", limit("qini", qini + 0.01));
    assertEquals(4, above.exitCode(), above.transcript());
    assertTrue(above.err().contains("gate failed: qini"), above.err());
    CliRun below = eval(visit, test, "--fail-under", limit("qini", qini - 0.01));
    assertEquals(0, below.exitCode(), below.transcript());
  }

  private static String limit(String metric, double value) {
    return String.format(Locale.ROOT, "%s=%.6f", metric, value);
  }

  @Test
  void conversionCannotBeToldFromRandomOrder() throws IOException {
    JsonNode section = report(conversion).path("uplift");
    assertEquals("not distinguishable from random", section.path("verdict").asText());
    CliRun run = CliRun.precis("eval", "--model", conversion.toString(), "--data", test.toString());
    assertTrue(run.err().contains("not distinguishable from random"), run.err());
  }

  @Test
  void aFileWithOneArmIsRefused() throws IOException {
    List<String> lines = new ArrayList<>();
    for (String line : Files.readAllLines(test)) {
      if (!line.contains("No E-Mail")) {
        lines.add(line);
      }
    }
    Path treatedOnly = Files.write(tmp.resolve("treated-only.csv"), lines);
    assertOneLineError(eval(visit, treatedOnly), 3, "'No E-Mail' (data.control)", "both");
  }

  @Test
  void optionsOnResponseMetricsAreRefusedByName() {
    assertOneLineError(eval(visit, test, "--by", "channel"), 2, "--by channel", "Qini");
  }

  @Test
  void aChallengerIsComparedOnQiniAucAuucAndUpliftAtK() throws IOException {
    CliRun run =
        eval(
            visit,
            test,
            "--challenger",
            visit.toString(),
            "--fail-if-worse",
            "--set",
            "eval.resamples=100",
            "--json",
            "--html",
            tmp.resolve("challenger.html").toString());
    assertEquals(0, run.exitCode(), run.transcript());
    JsonNode report = Mappers.json().readTree(run.out());
    String page = Files.readString(tmp.resolve("challenger.html"));
    assertTrue(page.contains("data-series=\"challenger (Qini AUC "), "the challenger's Qini curve");
    JsonNode comparison = report.path("comparison");
    assertEquals("no difference", comparison.path("verdict").asText());
    List<String> metrics = new ArrayList<>();
    for (JsonNode d : comparison.path("differences")) {
      metrics.add(d.path("metric").asText());
      assertEquals(d.path("champion").asDouble(), d.path("challenger").asDouble(), d.toString());
      assertEquals(0, d.path("low").asDouble(), d.toString());
    }
    assertEquals(List.of("qini", "auuc", "uplift@30"), metrics);
    assertEquals(
        report.path("uplift").path("qini_auc").asDouble(),
        comparison.path("challenger_uplift").path("qini_auc").asDouble());
  }

  @Test
  void aChallengerOfAnotherOutcomeIsRefused() {
    assertOneLineError(
        eval(visit, test, "--challenger", conversion.toString(), "--set", "eval.resamples=100"),
        3,
        "same rows");
  }

  @Test
  void theHtmlPageDrawsTheQiniCurveOfTheJsonReport() throws IOException {
    Path page = tmp.resolve("report.html");
    Path json = tmp.resolve("report.json");
    CliRun run = eval(visit, test, "--html", page.toString(), "--out", json.toString());
    assertEquals(0, run.exitCode(), run.transcript());
    String html = Files.readString(page);
    HtmlPages.assertSelfContained(html);
    UpliftMetrics section =
        Mappers.json()
            .treeToValue(
                Mappers.json().readTree(json.toFile()).path("uplift"), UpliftMetrics.class);
    assertTrue(html.contains(UpliftHtml.section(section)), "the section of the JSON's numbers");
    String qini =
        HtmlPages.elements(html, "svg").stream()
            .filter(svg -> svg.contains("<title>Qini curve</title>"))
            .findFirst()
            .orElseThrow();
    assertEquals(section.qiniCurve().size(), HtmlPages.linePoints(qini, "model (Qini AUC"));
  }
}
