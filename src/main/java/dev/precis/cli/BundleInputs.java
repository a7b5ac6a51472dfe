package dev.precis.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Option;

/** The inputs of eval and predict: a trained bundle and a file to score with it. */
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
      required = true,
      description = "CSV to score (plain or .gz), or - for standard input.")
  Path data;

  /** The files a run reads: these and a config file (null when none is given). */
  List<Path> files(Path config) {
    return Arrays.asList(model, data, config);
  }
}
