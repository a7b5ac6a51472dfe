package dev.precis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precis.io.InputFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Specifies the layouts of prep's parts: wide parts (a text column) are written sparse, as
 * index:value pairs, narrow ones dense, and train, eval, predict and tune read either to the same
 * numbers as the raw file; a directory written before sparse parts (precis.prepared/1) still reads.
 */
class SparsePartsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SMS_CONFIG = "sample-data/sms/sms.yaml";
  private static final String BANK_CONFIG = "sample-data/bank/bank.yaml";

  @TempDir static Path dir;

  /** The first 800 messages of the SMS training file: some 2,000 terms. */
  private static Path sms;

  private static Path smsSparse;
  private static Path smsDense;
  private static Path smsModel;
  private static JsonNode smsTrained;

  @BeforeAll
  static void prepAndTrainTheSmsSlice() throws IOException {
    List<String> lines = Files.readAllLines(Path.of("sample-data/sms/train.tsv"));
    sms = Files.write(dir.resolve("sms-800.tsv"), lines.subList(0, 801));
    smsSparse = prep(SMS_CONFIG, sms, "sms-sparse");
    smsDense = prep(SMS_CONFIG, sms, "sms-dense", "--set", "prep.layout=dense");
    smsModel = dir.resolve("sms.precis");
    smsTrained = train(SMS_CONFIG, sms, smsModel);
  }

  @Test
  void aTextColumnsPartsAreSparseByDefaultAndDenseOnRequest() throws IOException {
    assertEquals("sparse", manifestLayout(smsSparse, "train.csv"));
    assertEquals("dense", manifestLayout(smsDense, "train.csv"));
    assertEquals("sparse", report(smsSparse).path("layout").asText());
    String header = firstLine(smsSparse.resolve("valid.csv"));
    assertEquals("(features),label", header);
    int features = report(smsSparse).path("features").asInt();
    assertTrue(features > 1000, features + " features");
    assertEquals(features + 1, firstLine(smsDense.resolve("valid.csv")).split(",").length);
    long sparse = Files.size(smsSparse.resolve("train.csv"));
    long dense = Files.size(smsDense.resolve("train.csv"));
    assertTrue(sparse * 20 < dense, "sparse " + sparse + " bytes, dense " + dense);
  }

  @Test
  void trainOnSparsePartsScoresAsOnTheRawFile() throws IOException {
    JsonNode onParts = train(SMS_CONFIG, smsSparse, dir.resolve("sms-on-sparse.precis"));
    for (String metric : List.of("auc", "log_loss")) {
      assertEquals(
          smsTrained.at("/metrics/valid/" + metric).asDouble(),
          onParts.at("/metrics/valid/" + metric).asDouble(),
          1e-12,
          metric);
    }
    assertTrue(onParts.at("/metrics/valid/auc").asDouble() > 0.9, onParts.toString());
  }

  @Test
  void evalOnASparsePartMatchesTheValidationMetricsTrainReported() throws IOException {
    CliRun eval =
        succeeded(
            CliRun.precis(
                "eval",
                "--config",
                SMS_CONFIG,
                "--model",
                smsModel.toString(),
                "--data",
                smsSparse.resolve("valid.csv").toString(),
                "--json",
                "-q"));
    JsonNode measured = JSON.readTree(eval.out()).path("metrics");
    JsonNode reported = smsTrained.at("/metrics/valid");
    assertEquals(reported.path("rows").asLong(), measured.path("rows").asLong());
    assertEquals(reported.path("positives").asLong(), measured.path("positives").asLong());
    assertEquals(reported.path("auc").asDouble(), measured.path("auc").asDouble(), 1e-12);
  }

  @Test
  void predictScoresASparsePartAsItsDenseTwin() throws IOException {
    assertEquals(
        predict(smsModel, smsDense.resolve("valid.csv")),
        predict(smsModel, smsSparse.resolve("valid.csv")));
  }

  @Test
  void tuneRanksSparsePartsAsTheirDenseTwins() throws IOException {
    assertEquals(foldScores(tune(smsDense)), foldScores(tune(smsSparse)));
  }

  @Test
  void bankPartsAreDenseByDefaultAndTrainAlikeSparse() throws IOException {
    Path dense = prep(BANK_CONFIG, BankData.CSV, "bank-dense");
    Path sparse = prep(BANK_CONFIG, BankData.CSV, "bank-sparse", "--set", "prep.layout=sparse");
    assertEquals("dense", manifestLayout(dense, "test.csv"));
    assertEquals("sparse", manifestLayout(sparse, "test.csv"));
    Path model = dir.resolve("bank.precis");
    JsonNode raw = train(BANK_CONFIG, BankData.CSV, model);
    JsonNode onSparse = train(BANK_CONFIG, sparse, dir.resolve("bank-on-sparse.precis"));
    assertEquals(
        raw.at("/metrics/test/auc").asDouble(), onSparse.at("/metrics/test/auc").asDouble(), 1e-12);
    assertEquals(
        predict(model, dense.resolve("test.csv")), predict(model, sparse.resolve("test.csv")));
  }

  /** The prep directory of Precis 0.1.0 (fixtures/prep-0.1.0: dense, no layout recorded). */
  @Test
  void aDirectoryWrittenBeforeSparsePartsTrainsAsASparseOneOfTheSameRows() throws IOException {
    Path old = Path.of("src/test/resources/fixtures/prep-0.1.0");
    assertTrue(Files.readString(old.resolve("prepared.json")).contains("precis.prepared/1"));
    Path rows = BankData.write(dir.resolve("bank-200.csv"), BankData.lines().subList(0, 201));
    Path sparse = prep(BANK_CONFIG, rows, "bank200-sparse", "--set", "prep.layout=sparse");
    JsonNode onOld = train(BANK_CONFIG, old, dir.resolve("old.precis"));
    JsonNode onSparse = train(BANK_CONFIG, sparse, dir.resolve("bank200.precis"));
    assertEquals(onOld.at("/metrics/valid"), onSparse.at("/metrics/valid"));
    assertEquals(onOld.at("/metrics/test"), onSparse.at("/metrics/test"));
  }

  @Test
  void aSparseEntryOutOfOrderIsADataErrorNamingItsLine() throws IOException {
    Path copy = Files.createDirectory(dir.resolve("sms-edited"));
    for (String name : BankData.listing(smsSparse)) {
      Files.copy(smsSparse.resolve(name), copy.resolve(name));
    }
    Path part = copy.resolve("train.csv");
    List<String> lines = new ArrayList<>(Files.readAllLines(part));
    String[] pairs = lines.get(1).substring(0, lines.get(1).lastIndexOf(',')).split(" ");
    lines.set(1, pairs[1] + " " + pairs[0] + lines.get(1).substring(lines.get(1).lastIndexOf(',')));
    Files.write(part, lines);
    // digested again, as if prep had written it so: the reader itself must refuse the row
    ObjectNode manifest = (ObjectNode) JSON.readTree(copy.resolve("prepared.json").toFile());
    ((ObjectNode) manifest.at("/parts/train.csv")).put("sha256", InputFile.sha256(part));
    JSON.writeValue(copy.resolve("prepared.json").toFile(), manifest);
    CliRun run =
        CliRun.precis(
            "train", "--data", copy.toString(), "--out", dir.resolve("edited.precis").toString());
    OneLineError.assertOneLineError(
        run, 3, "train.csv:2:", "'" + pairs[0] + "'", "in ascending order");
  }

  private static Path prep(String config, Path data, String name, String... options) {
    Path out = dir.resolve(name);
    List<String> args =
        new ArrayList<>(
            List.of(
                "prep", "--config", config, "--data", data.toString(), "--out", out.toString()));
    args.addAll(List.of(options));
    succeeded(CliRun.precis(args));
    return out;
  }

  private static JsonNode train(String config, Path data, Path model) throws IOException {
    CliRun run =
        succeeded(
            CliRun.precis(
                "train",
                "--config",
                config,
                "--data",
                data.toString(),
                "--out",
                model.toString(),
                "--json",
                "-q"));
    return JSON.readTree(run.out());
  }

  private static String predict(Path model, Path part) throws IOException {
    Path out = dir.resolve(part.getParent().getFileName() + "-" + model.getFileName() + ".csv");
    succeeded(
        CliRun.precis(
            "predict",
            "--model",
            model.toString(),
            "--data",
            part.toString(),
            "--out",
            out.toString(),
            "--force",
            "-q"));
    return Files.readString(out, StandardCharsets.UTF_8);
  }

  private static Path tune(Path prepared) {
    Path out = dir.resolve("tune-" + prepared.getFileName());
    succeeded(
        CliRun.precis(
            "tune",
            "--config",
            SMS_CONFIG,
            "--data",
            prepared.toString(),
            "--trials",
            "2",
            "--folds",
            "2",
            "--out",
            out.toString(),
            "--quiet"));
    return out;
  }

  private static List<JsonNode> foldScores(Path tuned) throws IOException {
    List<JsonNode> folds = new ArrayList<>();
    JSON.readTree(tuned.resolve("leaderboard.json").toFile())
        .path("trials")
        .forEach(trial -> folds.add(trial.path("folds")));
    assertEquals(2, folds.size());
    return folds;
  }

  private static String manifestLayout(Path prepared, String part) throws IOException {
    return JSON.readTree(prepared.resolve("prepared.json").toFile())
        .path("parts")
        .path(part)
        .path("layout")
        .asText();
  }

  private static JsonNode report(Path prepared) throws IOException {
    return JSON.readTree(prepared.resolve("prep-report.json").toFile());
  }

  private static String firstLine(Path file) throws IOException {
    try (var lines = Files.lines(file)) {
      return lines.findFirst().orElseThrow();
    }
  }

  private static CliRun succeeded(CliRun run) {
    assertEquals(0, run.exitCode(), run.transcript());
    return run;
  }
}
