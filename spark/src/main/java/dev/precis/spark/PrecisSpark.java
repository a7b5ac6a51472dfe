package dev.precis.spark;

import dev.precis.PrecisException;
import dev.precis.config.ConfigOverride;
import dev.precis.report.EvalReport;
import dev.precis.report.Reports;
import dev.precis.report.Summaries;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The entry point of {@code spark-submit --class dev.precis.spark.PrecisSpark precis-spark.jar}:
 * precis predict and precis eval, run by Spark. The master and the resources are spark-submit's
 * (bin/precis-spark: local mode on this machine). Exit codes as precis: 2 usage, 3 data, 4 a gate.
 */
@Command(
    name = "precis-spark",
    mixinStandardHelpOptions = true,
    versionProvider = PrecisSpark.Versions.class,
    subcommands = {PrecisSpark.Predict.class, PrecisSpark.Eval.class},
    description = "Score (predict) or evaluate (eval) a file with a Precis bundle on Spark.")
public final class PrecisSpark {
  private final PrintWriter out;
  private final PrintWriter err;

  private PrecisSpark(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    int code = run(SparkSession.builder()::getOrCreate, out, err, args);
    System.exit(code);
  }

  /** --version: Precis's version, as its jar's manifest says. */
  static final class Versions implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"precis-spark " + dev.precis.Version.precis()};
    }
  }

  /** Where the jobs get their session: spark-submit's, or a test's. */
  @FunctionalInterface
  interface Sessions {
    SparkSession get();
  }

  /** Runs a command line; returns the exit code. */
  static int run(Sessions sessions, PrintWriter out, PrintWriter err, String... args) {
    PrecisSpark app = new PrecisSpark(out, err);
    CommandLine line =
        new CommandLine(app, new Factory(app, sessions))
            .setOut(out)
            .setErr(err)
            .setExecutionExceptionHandler(
                (e, cmd, parsed) -> {
                  // a task's error reaches the driver wrapped in Spark's; say the cause, in one
                  // line
                  for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                    if (cause instanceof PrecisException precis) {
                      err.println("precis-spark: error: " + precis.getMessage());
                      return precis.exitCode();
                    }
                  }
                  err.println("precis-spark: error: the Spark job failed: " + e.getMessage());
                  return 1;
                });
    line.setParameterExceptionHandler(
        (e, parsed) -> {
          err.println("precis-spark: error: " + e.getMessage());
          e.getCommandLine().usage(err);
          return PrecisException.USAGE;
        });
    return line.execute(args);
  }

  /** Gives the subcommands the application they print through and the session they run on. */
  private record Factory(PrecisSpark app, Sessions sessions) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> type) throws Exception {
      if (type == Predict.class) {
        return type.cast(new Predict(app, sessions));
      }
      if (type == Eval.class) {
        return type.cast(new Eval(app, sessions));
      }
      return CommandLine.defaultFactory().create(type);
    }
  }

  /** The options both commands take. */
  abstract static class Job implements Callable<Integer> {
    final PrecisSpark app;
    final Sessions sessions;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "The bundle.")
    String model;

    @Option(
        names = "--data",
        required = true,
        paramLabel = "PATH",
        description = "A CSV file, a Parquet file, or a directory of parts; local or a URI.")
    String data;

    @Option(names = "--force", description = "Replace outputs that exist.")
    boolean force;

    @Option(
        names = "--set",
        paramLabel = "KEY=VALUE",
        description =
            "Override a key of the bundle's config, repeatable: eval's gates and bins, as in"
                + " precis eval (e.g. --set eval.gates.auc=0.75).")
    List<String> sets = new ArrayList<>();

    Job(PrecisSpark app, Sessions sessions) {
      this.app = app;
      this.sessions = sessions;
    }

    SparkJob start() {
      List<ConfigOverride> overrides = new ArrayList<>();
      sets.forEach(set -> overrides.add(ConfigOverride.parseSet(set)));
      return new SparkJob(sessions.get(), model, data, overrides);
    }
  }

  @Command(
      name = "predict",
      mixinStandardHelpOptions = true,
      description =
          "Score a file: a directory of parts with precis predict's columns (id, score, decile),"
              + " and <out>.summary.json with the counts and the skipped rows' reasons.")
  static final class Predict extends Job {
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The output.")
    String out;

    @Option(
        names = "--format",
        paramLabel = "FORMAT",
        description = "csv or parquet (default: parquet when --out ends in .parquet, else csv).")
    String format;

    Predict(PrecisSpark app, Sessions sessions) {
      super(app, sessions);
    }

    @Override
    public Integer call() {
      String chosen = format != null ? format : InputTable.isParquet(out) ? "parquet" : "csv";
      if (!chosen.equals("csv") && !chosen.equals("parquet")) {
        throw PrecisException.usage("--format " + format + ": must be csv or parquet");
      }
      SparkPredictSummary summary = SparkPredict.run(start(), out, chosen, force);
      app.err.printf(
          "scored %d rows (%d skipped) into %s in %.1f s (%d rows/s); counts in %s.summary.json%n",
          summary.rows(),
          summary.skippedRows(),
          out,
          summary.seconds(),
          Math.round(summary.rowsPerSecond()),
          out.replaceAll("/+$", ""));
      return 0;
    }
  }

  @Command(
      name = "eval",
      mixinStandardHelpOptions = true,
      description =
          "Evaluate on a labelled file: precis eval's report (AUC, PR-AUC, log loss, gains,"
              + " gates); exits 4 when a gate of the bundle's eval settings is not reached.")
  static final class Eval extends Job {
    @Option(
        names = {"-o", "--out"},
        paramLabel = "FILE",
        description = "Write the eval report (JSON) here, or - for standard output.")
    String out;

    Eval(PrecisSpark app, Sessions sessions) {
      super(app, sessions);
    }

    @Override
    public Integer call() {
      SparkJob job = start();
      EvalReport report = SparkEval.run(job);
      if ("-".equals(out)) {
        app.out.print(Reports.json(report));
        app.out.flush();
      } else if (out != null) {
        SparkFiles.write(out, Reports.json(report), force, job.hadoop(), "--out");
      }
      app.err.println(Summaries.eval(report));
      Summaries.failedGates(report).forEach(app.err::println);
      return report.passed() ? 0 : PrecisException.GATE;
    }
  }
}
