package dev.precis.cli;

import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * Options a command needs to run but not to print its config. picocli's {@code required = true}
 * would refuse {@code --print-config} without them, so commands check them here, after printing,
 * with the message picocli gives.
 */
final class RequiredOptions {
  private RequiredOptions() {}

  /**
   * Throws picocli's usage error ("Missing required option: '--out=FILE'") naming each of these
   * options that was not given.
   */
  static void check(CommandSpec spec, String... names) {
    List<String> missing =
        Arrays.stream(names)
            .map(spec::findOption)
            .filter(option -> option.getValue() == null)
            .map(RequiredOptions::synopsis)
            .toList();
    if (!missing.isEmpty()) {
      throw new ParameterException(
          spec.commandLine(),
          (missing.size() == 1 ? "Missing required option: " : "Missing required options: ")
              + String.join(", ", missing));
    }
  }

  private static String synopsis(OptionSpec option) {
    return "'" + option.longestName() + "=" + option.paramLabel() + "'";
  }
}
