package dev.precis.cli;

import dev.precis.config.ConfigOverride;
import dev.precis.data.PreparedManifest;
import dev.precis.io.StandardStreams;
import dev.precis.model.ModelBundle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The inputs of eval and predict: a trained bundle (its config is the base that --print-config
 * shows) and a file to score with it.
 */
final class BundleInputs {
  @Option(
      names = {"-m", "--model"},
      paramLabel = "FILE",
      required = true,
      description = "Model bundle written by `precis train`.")
  Path model;

  @Option(
      names = {"-d", "--data"},
      paramLabel = "FILE",
      description = "CSV to score (plain or .gz), or - for standard input (required).")
  Path data;

  private ModelBundle bundle;

  /** The bundle --model names, read the first time it is asked for. */
  ModelBundle bundle() {
    if (bundle == null) {
      bundle = ModelBundle.read(model);
    }
    return bundle;
  }

  /**
   * The files a run reads: these, a config file (null when none is given), and the prepared.json
   * beside the data, which says whether it is an encoded part.
   */
  List<Path> files(Path config) {
    Path manifest =
        data == null || StandardStreams.isDash(data)
            ? null
            : data.toAbsolutePath().resolveSibling(PreparedManifest.FILE);
    return Arrays.asList(model, data, config, manifest);
  }

  /** --data as the override of data.path it stands for, when given. */
  List<ConfigOverride> overrides() {
    return data == null
        ? new ArrayList<>()
        : new ArrayList<>(
            List.of(ConfigOverride.fromOption("--data", "data.path", data.toString())));
  }
}
