package dev.precis.config;

import dev.precis.PrecisException;

/**
 * One command-line override of a config key.
 *
 * @param keyPath dotted key, e.g. {@code model.params.epochs}
 * @param value the value as typed; lists and maps in YAML flow style ({@code [64,32]})
 * @param source how the user wrote it, for error messages ({@code --set ...}, {@code --target})
 */
public record ConfigOverride(String keyPath, String value, String source) {

  /** Parses {@code key.path=value} as given to {@code --set}. */
  public static ConfigOverride parseSet(String assignment) {
    int eq = assignment.indexOf('=');
    if (eq <= 0) {
      throw PrecisException.usage(
          "--set " + assignment + ": expected key.path=value, e.g. --set model.params.epochs=30");
    }
    return new ConfigOverride(
        assignment.substring(0, eq).trim(), assignment.substring(eq + 1), "--set " + assignment);
  }

  /** An override that a named command-line option stands for. */
  public static ConfigOverride fromOption(String option, String keyPath, String value) {
    return new ConfigOverride(keyPath, value, option + " " + value);
  }
}
