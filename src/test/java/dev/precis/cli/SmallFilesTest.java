package dev.precis.cli;

import static dev.precis.cli.OneLineError.assertOneLineError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Specifies that a small valid file trains, or fails with a data error that says what is missing,
 * and never crashes.
 */
class SmallFilesTest {
  private static final int DATA = 3;

  @TempDir Path dir;

  static IntStream rowCounts() {
    return IntStream.rangeClosed(1, 20);
  }

  /** Responders and non-responders taking turns: every such file from two rows up trains. */
  @ParameterizedTest
  @MethodSource("rowCounts")
  void alternatingResponsesTrainFromTwoRows(int rows) {
    CliRun run = train(write(alternating(rows)));
    if (rows == 1) {
      assertOneLineError(run, DATA, "single value", "responders and non-responders");
    } else {
      assertEquals(0, run.exitCode(), run.transcript());
    }
  }

  @Test
  void trainingPartWithOneClassSaysHowManyRowsOfEachAreNeeded() {
    CliRun run = train(write(alternating(4)), "--set", "prep.split.stratify=false");
    assertOneLineError(
        run,
        DATA,
        "small.csv: the training part has 0 responders ('yes') and 2 non-responders, of 4 labelled"
            + " rows",
        "at least 1 of each",
        "prep.split.valid");
  }

  @Test
  void prepRefusesToWriteATrainingPartWithoutBothClasses() {
    CliRun run =
        CliRun.precis(
            "prep",
            "--data",
            write(alternating(4)).toString(),
            "--target",
            "y",
            "--set",
            "prep.split.valid=0.5",
            "--set",
            "prep.split.test=0.4",
            "--out",
            dir.resolve("prepared").toString());
    assertOneLineError(run, DATA, "the training part has 0 responders", "of 4 labelled rows");
  }

  @Test
  void tuneSaysHowManyOfEachClassItsFoldsNeed() {
    CliRun run =
        CliRun.precis(
            "tune",
            "--data",
            write(alternating(6)).toString(),
            "--target",
            "y",
            "--set",
            "tune.trials=1",
            "--out",
            dir.resolve("tuned").toString());
    assertOneLineError(
        run, DATA, "5 cross-validation folds need at least 5 responders", "tune.folds");
  }

  /** A header and {@code rows} bank rows: a non-responder, a responder, and so on. */
  private static List<String> alternating(int rows) {
    List<String> lines = BankData.lines();
    List<String> yes = lines.stream().filter(l -> l.endsWith("\"yes\"")).toList();
    List<String> no = lines.stream().filter(l -> l.endsWith("\"no\"")).toList();
    List<String> out = new ArrayList<>(List.of(lines.get(0)));
    for (int i = 0; i < rows; i++) {
      out.add((i % 2 == 0 ? no : yes).get(i / 2));
    }
    return out;
  }

  private Path write(List<String> lines) {
    return BankData.write(dir.resolve("small.csv"), lines);
  }

  private CliRun train(Path data, String... options) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "train",
                "--data",
                data.toString(),
                "--target",
                "y",
                "--out",
                dir.resolve("model.precis").toString(),
                "--force"));
    args.addAll(List.of(options));
    return CliRun.precis(args);
  }
}
