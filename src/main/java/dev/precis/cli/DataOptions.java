package dev.precis.cli;

import dev.precis.config.ConfigOverride;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The data options of prep, train and tune: short forms of data.path, data.target and
 * data.positive.
 */
final class DataOptions {
  @Option(
      names = {"-d", "--data"},
      paramLabel = "FILE",
      description = "Input CSV (data.path); train also takes a prep directory.")
  String data;

  @Option(
      names = {"-t", "--target"},
      paramLabel = "COLUMN",
      description = "Column to predict (data.target).")
  String target;

  @Option(
      names = "--positive",
      paramLabel = "VALUE",
      description = "Target value that is a response (default: the minority class).")
  String positive;

  List<ConfigOverride> overrides() {
    List<ConfigOverride> overrides = new ArrayList<>();
    if (data != null) {
      overrides.add(ConfigOverride.fromOption("--data", "data.path", data));
    }
    if (target != null) {
      overrides.add(ConfigOverride.fromOption("--target", "data.target", target));
    }
    if (positive != null) {
      overrides.add(ConfigOverride.fromOption("--positive", "data.positive", positive));
    }
    return overrides;
  }
}
