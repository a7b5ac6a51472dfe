package dev.precis.cli;

import dev.precis.config.ConfigLoader;
import dev.precis.config.ConfigOverride;
import dev.precis.config.PrecisConfig;
import dev.precis.eval.Gates;
import dev.precis.model.ModelCatalog;
import dev.precis.tune.SearchSpace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options that build the config: the YAML file, --set overrides, and printing the result. */
final class ConfigOptions {
  @Option(
      names = {"-c", "--config"},
      paramLabel = "FILE",
      description = "YAML config (see README: Configuration).")
  Path config;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description = "Override a config key, e.g. model.params.epochs=30 (repeatable).")
  List<String> sets = new ArrayList<>();

  @Option(
      names = "--seed",
      paramLabel = "N",
      description = "Seed for splits, model initialisation and tuning.")
  String seed;

  @Option(names = "--threads", paramLabel = "N", description = "Worker threads (0 = every core).")
  String threads;

  @Option(names = "--print-config", description = "Print the resolved config as YAML and exit.")
  boolean printConfig;

  /**
   * The resolved config: defaults, the file, the command's own options, then --seed/--threads and
   * --set.
   */
  PrecisConfig load(List<ConfigOverride> commandOptions) {
    return new ConfigLoader(ConfigOptions::complete).load(config, overrides(commandOptions));
  }

  /** The same, layered on a base config (a model bundle's) instead of the defaults. */
  PrecisConfig loadOver(PrecisConfig base, List<ConfigOverride> commandOptions) {
    return new ConfigLoader(ConfigOptions::complete)
        .loadOver(base, config, overrides(commandOptions));
  }

  /**
   * With --print-config: prints the config on {@code out} and says so, so the command stops there.
   */
  boolean printed(PrecisConfig resolved, java.io.PrintWriter out) {
    if (printConfig) {
      Outputs.printConfig(out, resolved);
    }
    return printConfig;
  }

  /**
   * The files a run with this config reads: the config file and the data (either may be absent).
   */
  List<Path> inputs(PrecisConfig resolved) {
    List<Path> inputs = new ArrayList<>();
    inputs.add(config);
    inputs.add(resolved.data().path() == null ? null : Path.of(resolved.data().path()));
    return inputs;
  }

  private List<ConfigOverride> overrides(List<ConfigOverride> commandOptions) {
    List<ConfigOverride> all = new ArrayList<>(commandOptions);
    if (seed != null) {
      all.add(ConfigOverride.fromOption("--seed", "seed", seed));
    }
    if (threads != null) {
      all.add(ConfigOverride.fromOption("--threads", "engine.threads", threads));
    }
    sets.forEach(set -> all.add(ConfigOverride.parseSet(set)));
    return all;
  }

  private static PrecisConfig complete(PrecisConfig config) {
    return SearchSpace.validate(Gates.validate(ModelCatalog.complete(config)));
  }
}
