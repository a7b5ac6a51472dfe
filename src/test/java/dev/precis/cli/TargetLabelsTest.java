package dev.precis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Specifies that train and eval read the target alike (blanks around a label, missing tokens), and
 * that eval says what is wrong when no row's label is the model's positive value.
 */
class TargetLabelsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int Y = BankData.column("y");

  /** A model trained on the bank sample as it is; tests only read it. */
  @TempDir static Path shared;

  private static Path model;

  @TempDir Path tmp;

  @BeforeAll
  static void trainOnTheBankSample() {
    model = shared.resolve("bank.precis");
    succeeded(train(BankData.CSV, model));
  }

  @Test
  void missingTokenWithBlanksAroundItIsUnlabelledInTrainAndEvalTest() throws IOException {
    List<String> lines = BankData.lines();
    for (int line = 2; line < 22; line++) {
      lines.set(line - 1, BankData.withField(lines.get(line - 1), Y, "\" unknown\""));
    }
    Path data = BankData.write(tmp.resolve("unknown.csv"), lines);
    Path spaced = tmp.resolve("spaced.precis");
    JsonNode trained = JSON.readTree(succeeded(train(data, spaced)).out()).at("/metrics/train");
    CliRun eval =
        succeeded(
            CliRun.precis(
                "eval", "--model", spaced.toString(), "--data", data.toString(), "--json", "-q"));
    JsonNode report = JSON.readTree(eval.out());
    assertEquals(BankData.ROWS - 20, trained.path("rows").asLong(), trained.toString());
    assertEquals(trained.path("rows").asLong(), report.at("/metrics/rows").asLong());
    assertEquals(20, report.path("skipped_rows").asLong(), report.path("skipped").toString());
  }

  @Test
  void labelsInAnotherCaseSayNoRowIsThePositiveValueAndWhatWasSeenTest() {
    Path data =
        BankData.write(
            tmp.resolve("upper.csv"),
            BankData.mapRows(BankData.lines(), line -> line.toUpperCase(Locale.ROOT)));
    CliRun run = eval(data);
    assertEquals(3, run.exitCode(), run.transcript());
    assertTrue(
        run.err().contains("no row's target 'y' equals the model's positive value 'yes'"),
        run.transcript());
    assertTrue(run.err().contains("(seen: NO 3668, YES 451)"), run.transcript());
    assertTrue(run.err().contains("the labels must be written as in training"), run.transcript());
  }

  @Test
  void fileOfOneClassNamesItsValueTest() {
    List<String> lines = BankData.lines();
    List<String> negatives =
        lines.stream()
            .filter(line -> line == lines.get(0) || !line.endsWith("\"yes\""))
            .collect(Collectors.toList());
    CliRun run = eval(BankData.write(tmp.resolve("no.csv"), negatives));
    assertEquals(3, run.exitCode(), run.transcript());
    assertTrue(run.err().contains("every labelled row's target 'y' is 'no'"), run.transcript());
  }

  /** Trains on every row of {@code data}, so train's metrics cover all its labelled rows. */
  private static CliRun train(Path data, Path out) {
    return CliRun.train(
        data.toString(),
        out.toString(),
        "--positive",
        "yes",
        "--set",
        "data.drop=[duration]",
        "--set",
        "prep.missing.tokens=[unknown]",
        "--set",
        "prep.split.valid=0",
        "--set",
        "prep.split.test=0",
        "--json",
        "-q");
  }

  private static CliRun eval(Path data) {
    return CliRun.precis("eval", "--model", model.toString(), "--data", data.toString(), "-q");
  }

  private static CliRun succeeded(CliRun run) {
    assertEquals(0, run.exitCode(), run.transcript());
    return run;
  }
}
