package dev.precis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Specifies that blanks around a value mean nothing, in every column and every command: a padded
 * number is a number, a padded missing token is missing, as a padded label already was. Exports
 * from fixed-width systems pad every field.
 */
class PaddedValuesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void aPaddedFileTrainsTheSameModelAsTheFileItself() throws IOException {
    Path padded = BankData.write(dir.resolve("padded.csv"), padEveryField(BankData.lines()));
    JsonNode plain = trainReport(BankData.CSV, "plain");
    JsonNode fromPadded = trainReport(padded, "padded");
    assertEquals(plain.path("features").asInt(), fromPadded.path("features").asInt());
    assertEquals(
        plain.at("/metrics/test/auc").asDouble(), fromPadded.at("/metrics/test/auc").asDouble());
  }

  @Test
  void aPaddedFileScoresAsTheFileItself() throws IOException {
    Path padded = BankData.write(dir.resolve("padded.csv"), padEveryField(BankData.lines()));
    trainReport(BankData.CSV, "plain");
    Path model = dir.resolve("plain.precis");
    CliRun fromPlain = eval(model, BankData.CSV);
    CliRun fromPadded = eval(model, padded);
    assertEquals(
        JSON.readTree(fromPlain.out()).path("metrics"),
        JSON.readTree(fromPadded.out()).path("metrics"));
  }

  /** Every data field with blanks around it, inside its quotes when it has them. */
  private static List<String> padEveryField(List<String> lines) {
    return BankData.mapRows(
        lines,
        line ->
            Stream.of(line.split(";", -1))
                .map(
                    f ->
                        f.startsWith("\"")
                            ? "\"  " + f.substring(1, f.length() - 1) + " \""
                            : "  " + f + " ")
                .collect(Collectors.joining(";")));
  }

  private JsonNode trainReport(Path data, String name) throws IOException {
    CliRun run =
        CliRun.train(
            data,
            dir.resolve(name + ".precis"),
            "--positive",
            "yes",
            "--set",
            "prep.missing.tokens=[unknown]",
            "--set",
            "data.drop=[duration]",
            "--json",
            "-q");
    assertEquals(0, run.exitCode(), run.transcript());
    return JSON.readTree(run.out());
  }

  private static CliRun eval(Path model, Path data) {
    CliRun run =
        CliRun.precis(
            "eval", "--model", model.toString(), "--data", data.toString(), "--json", "-q");
    assertEquals(0, run.exitCode(), run.transcript());
    return run;
  }
}
