package dev.precis.cli;

import java.nio.file.Path;
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
      description = "CSV to score (plain or .gz).")
  Path data;
}
