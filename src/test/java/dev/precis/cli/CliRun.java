package dev.precis.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

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

  /** Both streams, for assertion messages. */
  public String transcript() {
    return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
  }
}
