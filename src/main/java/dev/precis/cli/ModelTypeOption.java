package dev.precis.cli;

import dev.precis.config.ConfigOverride;
import java.util.List;
import picocli.CommandLine.Option;

/** The --model option of train and tune: a short form of model.type. */
final class ModelTypeOption {
  @Option(
      names = {"-m", "--model"},
      paramLabel = "TYPE",
      description = "Model type (model.type): logistic, mlp.")
  String model;

  /** Adds the override --model stands for, when it was given, to {@code overrides}. */
  List<ConfigOverride> addTo(List<ConfigOverride> overrides) {
    if (model != null) {
      overrides.add(ConfigOverride.fromOption("--model", "model.type", model));
    }
    return overrides;
  }
}
