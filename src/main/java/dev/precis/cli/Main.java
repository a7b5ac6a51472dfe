package dev.precis.cli;

import dev.precis.PrecisException;
import dev.precis.io.StandardStreams;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The `precis` command: parses, runs one subcommand, and turns failures into one message and an
 * exit code.
 */
@Command(
    name = "precis",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Response and propensity models for marketing campaigns: prepare data, train, evaluate,"
            + " tune, score.",
    subcommands = {
      PrepCommand.class,
      TrainCommand.class,
      EvalCommand.class,
      TuneCommand.class,
      PredictCommand.class,
      CompletionCommand.class,
      CommandLine.HelpCommand.class
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  precis train --config sample-data/bank/bank.yaml --out bank.precis",
      "  precis eval --model bank.precis --data prepared/test.csv --fail-under auc=0.75",
      "  precis predict --model bank.precis --out scores.csv --top-percent 10 \\",
      "      --data sample-data/bank/bank-additional.csv",
      "",
      "Exit codes: 0 ok, 1 internal error, 2 usage or config error, 3 data error, 4 quality gate"
          + " failed."
    })
public final class Main implements java.util.concurrent.Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Standard output as bytes, for outputs written to {@code -}. */
  private final OutputStream stdout;

  private Main(OutputStream stdout) {
    this.stdout = stdout;
  }

  public static void main(String[] args) {
    PrintWriter err = new PrintWriter(System.err, true);
    // Not System.out: a PrintStream hides its write errors, and a full disk or a closed reader
    // behind standard output must not end in exit 0.
    OutputStream stdout =
        new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
    int code = run(System.in, stdout, err, args);
    err.flush();
    System.exit(code);
  }

  /**
   * Runs the command line on these streams and returns the exit code; never exits. Text on standard
   * output is UTF-8, as the files Precis writes are; {@code -} reads {@code in}.
   */
  public static int run(InputStream in, OutputStream out, PrintWriter err, String... args) {
    PrintWriter text = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
    int code = run(in, out, text, err, args);
    text.flush();
    boolean reported = code != 0 && code != PrecisException.GATE;
    if (text.checkError() && !reported) {
      // what the command printed did not all reach standard output: the run did not do its job
      err.println(
          "precis: error: standard output: cannot write (the disk is full, or its reader closed"
              + " it); what was printed there is incomplete");
      return PrecisException.USAGE;
    }
    return code;
  }

  /**
   * Runs the command line with these writers and returns the exit code; never exits. Reads the
   * process's standard input for {@code -}; bytes for standard output reach {@code out} decoded as
   * UTF-8, so a binary output (`train --out -`) needs {@link #run(InputStream, OutputStream,
   * PrintWriter, String...)}.
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return run(System.in, new DecodingOutputStream(out), out, err, args);
  }

  private static int run(
      InputStream in, OutputStream bytes, PrintWriter out, PrintWriter err, String... args) {
    boolean stacktrace = Arrays.asList(args).contains("--stacktrace");
    CommandLine commandLine = commandLine(bytes);
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExecutionExceptionHandler(
        (e, cmd, parsed) -> report(e, cmd.getErr(), stacktrace));
    commandLine.setParameterExceptionHandler(
        (e, args2) -> {
          e.getCommandLine()
              .getErr()
              .println(
                  "precis: error: "
                      + e.getMessage()
                      + "; run `"
                      + e.getCommandLine().getCommandSpec().qualifiedName()
                      + " --help` for usage");
          return PrecisException.USAGE;
        });
    return StandardStreams.withStdin(in, () -> commandLine.execute(args));
  }

  /**
   * Standard output as bytes, for outputs written to {@code -}; text printed before is flushed
   * first, so the two keep their order.
   */
  OutputStream stdout() {
    spec.commandLine().getOut().flush();
    return stdout;
  }

  /** The command model, also what the shell completion scripts are generated from. */
  public static CommandLine commandLine() {
    return commandLine(OutputStream.nullOutputStream());
  }

  private static CommandLine commandLine(OutputStream stdout) {
    return new CommandLine(new Main(stdout)).setCaseInsensitiveEnumValuesAllowed(true);
  }

  private static int report(Exception e, PrintWriter err, boolean stacktrace) {
    if (stacktrace) {
      e.printStackTrace(err);
    }
    if (e instanceof PrecisException failure) {
      err.println("precis: error: " + failure.getMessage());
      return failure.exitCode();
    }
    err.println(
        "precis: internal error: "
            + e
            + (stacktrace ? "" : " (rerun with --stacktrace for details)"));
    return 1;
  }

  /** `precis` alone: a usage error, with the list of commands. */
  @Override
  public Integer call() {
    spec.commandLine()
        .getErr()
        .println("precis: error: no command given; pick one of the commands below");
    spec.commandLine().usage(spec.commandLine().getErr());
    return PrecisException.USAGE;
  }
}
