package dev.precis.cli;

import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
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

  /** Routes Tribuo's java.util.logging output: silent unless --verbose. */
  void configureLogging() {
    LogManager.getLogManager().reset();
    Logger root = Logger.getLogger("");
    Level level = quiet ? Level.OFF : verbose ? Level.INFO : Level.SEVERE;
    root.setLevel(level);
    java.util.logging.ConsoleHandler handler = new java.util.logging.ConsoleHandler();
    handler.setLevel(level);
    root.addHandler(handler);
  }
}
