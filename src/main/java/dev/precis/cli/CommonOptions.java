package dev.precis.cli;

import java.util.logging.Level;
import picocli.CommandLine.Option;

/** Options every command takes: how much it says on standard error. */
final class CommonOptions {
  @Option(
      names = {"-q", "--quiet"},
      description = "Print nothing but errors on standard error.")
  boolean quiet;

  @Option(
      names = {"-v", "--verbose"},
      description = "Also print the engine's (Tribuo's) log.")
  boolean verbose;

  @Option(names = "--stacktrace", description = "Print the stack trace of an error.")
  boolean stacktrace;

  /** How much of the engine's log to print: none under --quiet, all of it with --verbose. */
  Level logLevel() {
    return quiet ? Level.OFF : verbose ? Level.INFO : Level.SEVERE;
  }
}
