package dev.precis.cli;

import dev.precis.config.ConfigOverride;
import dev.precis.config.PrecisConfig;
import dev.precis.data.EmbeddingStep;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What prep, train, eval, tune and predict do, in one order: send the engine's log to standard
 * error for the run (as much as --quiet or --verbose asks for); resolve the config; with
 * --print-config print it and stop; check the options the run needs and its outputs, before any
 * work; run; print the report with --json. Each command supplies the steps that differ.
 *
 * <p>A command declares the shared mixins ({@link ConfigOptions}, {@link OutputOptions}, {@link
 * CommonOptions}) itself, after its own options, and this class finds them in the command's model:
 * picocli lists a superclass's options first, and --help lists a command's own options first.
 *
 * @param <R> the command's report
 */
abstract class PrecisCommand<R> implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public final Integer call() {
    CommonOptions common = mixin(CommonOptions.class);
    EngineLog log = EngineLog.open(spec.commandLine().getErr(), common.logLevel());
    try {
      return steps(common);
    } finally {
      log.close();
    }
  }

  private int steps(CommonOptions common) {
    PrintWriter out = spec.commandLine().getOut();
    ConfigOptions configOptions = mixin(ConfigOptions.class);
    PrecisConfig base = baseConfig();
    List<ConfigOverride> overrides = overrides();
    PrecisConfig config =
        base == null ? configOptions.load(overrides) : configOptions.loadOver(base, overrides);
    if (configOptions.printed(config, out)) {
      return 0;
    }
    RequiredOptions.check(spec, requiredToRun().toArray(String[]::new));
    checkOutputs(config);
    Console console = new Console(spec.commandLine().getErr(), common.quiet);
    // embedding a long text column is the slow part of reading it; say how far it got
    EmbeddingStep.progress(
        n -> console.progress(String.format(Locale.ROOT, "embedded %,d texts ...", n)));
    R report;
    try {
      report = run(config, console);
    } finally {
      EmbeddingStep.progress(null);
    }
    if (mixin(OutputOptions.class).json) {
      Outputs.printJson(out, report);
    }
    return exitCode(report);
  }

  /**
   * The config the options are laid over: null for the defaults; eval and predict read a bundle's.
   */
  PrecisConfig baseConfig() {
    return null;
  }

  /** What the command's own options set in the config; --seed, --threads and --set come after. */
  abstract List<ConfigOverride> overrides();

  /** Options the run needs that --print-config does not, such as --out. */
  abstract List<String> requiredToRun();

  /** Builds the run's outputs and checks them against each other and its inputs. */
  abstract void checkOutputs(PrecisConfig config);

  /** Does the work, writes the outputs and says what it did on the console. */
  abstract R run(PrecisConfig config, Console console);

  /** 0, or the code of a verdict the report holds (a failed quality gate). */
  int exitCode(R report) {
    return 0;
  }

  private <T> T mixin(Class<T> type) {
    return spec.mixins().values().stream()
        .map(CommandSpec::userObject)
        .filter(type::isInstance)
        .map(type::cast)
        .findFirst()
        .orElseThrow();
  }
}
