package dev.precis.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.precis.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The bank sample (sample-data/bank, 4,119 rows) with a customer id in front, and a real Tribuo
 * logistic bundle trained on it by precis itself: what the tests score on Spark and on one machine.
 */
final class BankFixture {
  static final Path BANK =
      Path.of(System.getProperty("precis.root", ".."), "sample-data/bank/bank-additional.csv");
  static final int ROWS = 4119;

  final Path csv;
  final Path model;

  private BankFixture(Path csv, Path model) {
    this.csv = csv;
    this.model = model;
  }

  /** Writes the file and trains the bundle under {@code dir}. */
  static BankFixture create(Path dir) {
    Path csv = dir.resolve("bank-ids.csv");
    List<String> lines = lines(BANK);
    List<String> withIds = new ArrayList<>();
    withIds.add("\"id\";" + lines.get(0));
    for (int i = 1; i < lines.size(); i++) {
      withIds.add("C" + (100000 + i) + ";" + lines.get(i));
    }
    write(csv, withIds);
    Path model = dir.resolve("bank.precis");
    Result train =
        precis(
            "train",
            "--data",
            csv.toString(),
            "--target",
            "y",
            "--set",
            "data.id=id",
            "--set",
            "model.type=logistic",
            "--out",
            model.toString(),
            "--quiet");
    assertEquals(0, train.code(), train.err());
    return new BankFixture(csv, model);
  }

  /** What a precis command line exited with and printed. */
  record Result(int code, String out, String err) {}

  /** Runs the single-machine precis command line in-process. */
  static Result precis(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Result(code, out.toString(), err.toString());
  }

  /** Runs precis-spark's command line on the tests' session. */
  static Result spark(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        PrecisSpark.run(
            LocalSpark::session, new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Result(code, out.toString(), err.toString());
  }

  static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path write(Path file, List<String> lines) {
    try {
      return Files.write(file, lines, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
