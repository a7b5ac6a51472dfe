package dev.precis.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The run that bin/precis records its class-data archive from, once per build: the commands users
 * run most, on the bundled sample data, in one JVM. Every later command then finds the classes they
 * load already parsed and verified, whichever command a user happens to run first; a class loaded
 * from the jar instead costs its reading and verification inside the command, in the middle of a
 * fit. The commands write into a scratch folder and print nowhere; one that fails only leaves its
 * classes out of the archive.
 *
 * <p>usage: {@code ClassArchiveRun SAMPLE_DATA SCRATCH}; exits 1 when a command failed.
 */
public final class ClassArchiveRun {
  private ClassArchiveRun() {}

  public static void main(String[] args) {
    List<String> failed = run(Path.of(args[0]), Path.of(args[1]));
    failed.forEach(command -> System.err.println("failed: " + command));
    System.exit(failed.isEmpty() ? 0 : 1);
  }

  /** Runs the commands; returns those that did not exit 0. */
  static List<String> run(Path samples, Path scratch) {
    List<String> failed = new ArrayList<>();
    for (List<String> command : commands(samples, scratch)) {
      int code =
          Main.run(
              InputStream.nullInputStream(),
              OutputStream.nullOutputStream(),
              new PrintWriter(Writer.nullWriter()),
              command.toArray(String[]::new));
      if (code != 0) {
        failed.add(String.join(" ", command));
      }
    }
    return failed;
  }

  /**
   * Tabular data through every command but tune (whose folds load nothing more), and a text column
   * through train: the bank sample's 4,119 rows rather than its 41,188, so that the run takes
   * seconds.
   */
  static List<List<String>> commands(Path samples, Path scratch) {
    String bank = samples.resolve("bank/bank.yaml").toString();
    String rows = samples.resolve("bank/bank-additional.csv").toString();
    String model = scratch.resolve("bank.precis").toString();
    return List.of(
        List.of("prep", "--config", bank, "--data", rows, "--out", scratch.resolve("prep") + ""),
        List.of("train", "--config", bank, "--data", rows, "--out", model),
        List.of(
            "eval", "--model", model, "--data", rows, "--out", scratch.resolve("eval.json") + ""),
        List.of(
            "predict",
            "--model",
            model,
            "--data",
            rows,
            "--out",
            scratch.resolve("scores.csv") + ""),
        List.of(
            "train",
            "--config",
            samples.resolve("sms/sms.yaml").toString(),
            "--out",
            scratch.resolve("sms.precis").toString()));
  }
}
