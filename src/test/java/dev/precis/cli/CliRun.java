package dev.precis.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs the real `precis` command line in-process, as a user would type it, and keeps what it
 * printed on each stream.
 *
 * @param exitCode what the process would exit with
 * @param out standard output (data: reports, scores)
 * @param err standard error (summaries, errors)
 */
public record CliRun(int exitCode, String out, String err) {

  public static CliRun precis(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new CliRun(code, out.toString(), err.toString());
  }

  public static CliRun precis(java.util.List<String> args) {
    return precis(args.toArray(new String[0]));
  }

  /**
   * {@code precis train} of a bank-like file (target {@code y}) into {@code out}, with more options
   * after these.
   */
  public static CliRun train(Path data, Path out, String... options) {
    return train(data.toString(), out.toString(), options);
  }

  /** As {@link #train(Path, Path, String...)}, with the paths as typed. */
  public static CliRun train(String data, String out, String... options) {
    List<String> args =
        new ArrayList<>(List.of("train", "--data", data, "--target", "y", "--out", out));
    args.addAll(List.of(options));
    return precis(args);
  }

  /**
   * {@code precis command --quiet} under a config file, on {@code data} into {@code out}, with more
   * options after these.
   */
  public static CliRun withConfig(
      String command, Path config, Path data, Path out, String... options) {
    List<String> first =
        List.of(
            command,
            "--config",
            config.toString(),
            "--data",
            data.toString(),
            "--out",
            out.toString(),
            "--quiet");
    return precis(concat(first, options));
  }

  /**
   * {@code precis predict --quiet} of {@code data} with {@code model} into {@code out}, with more
   * options after these.
   */
  public static CliRun predict(Path model, Path data, Path out, String... options) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "predict",
                "--quiet",
                "--model",
                model.toString(),
                "--data",
                data.toString(),
                "--out",
                out.toString()));
    args.addAll(List.of(options));
    return precis(args);
  }

  /**
   * {@code precis tune --quiet} of the bank sample (target {@code y}) into {@code out}, with more
   * options after these.
   */
  public static CliRun tune(Path out, String... options) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "tune",
                "--data",
                BankData.CSV.toString(),
                "--target",
                "y",
                "--out",
                out.toString(),
                "--quiet"));
    args.addAll(List.of(options));
    return precis(args);
  }

  /** {@code options} after {@code first}: the options a test always gives, then the case's own. */
  public static String[] concat(List<String> first, String... options) {
    return Stream.concat(first.stream(), Stream.of(options)).toArray(String[]::new);
  }

  /** As {@link #precis(String...)}, with {@code stdin} on standard input. */
  public static CliRun precisWithStdin(byte[] stdin, String... args) {
    Bytes run = precisBytes(stdin, args);
    return new CliRun(run.exitCode(), new String(run.out(), StandardCharsets.UTF_8), run.err());
  }

  /**
   * Runs with {@code stdin} on standard input and keeps standard output as bytes, for binary output
   * such as a bundle written with {@code train --out -}.
   */
  public static Bytes precisBytes(byte[] stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    int code = Main.run(new ByteArrayInputStream(stdin), out, new PrintWriter(err, true), args);
    return new Bytes(code, out.toByteArray(), err.toString());
  }

  /** A run whose standard output was kept as bytes. */
  public record Bytes(int exitCode, byte[] out, String err) {}

  /** Both streams, for assertion messages. */
  public String transcript() {
    return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
  }
}
