package dev.precis.cli;

import dev.precis.config.ConfigOverride;
import dev.precis.model.ModelCatalog;
import java.util.Iterator;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The --model option of prep, train and tune: a short form of model.type (prep fits the pipeline
 * that type needs).
 */
final class ModelTypeOption {
  @Option(
      names = {"-m", "--model"},
      paramLabel = "TYPE",
      completionCandidates = Types.class,
      description = "Model type (model.type): ${COMPLETION-CANDIDATES}.")
  String model;

  /** The model types, for help and shell completion. */
  static final class Types implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return ModelCatalog.names().iterator();
    }
  }

  /** Adds the override --model stands for, when it was given, to {@code overrides}. */
  List<ConfigOverride> addTo(List<ConfigOverride> overrides) {
    if (model != null) {
      overrides.add(ConfigOverride.fromOption("--model", "model.type", model));
    }
    return overrides;
  }
}
