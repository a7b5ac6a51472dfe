package dev.precis.cli;

import picocli.CommandLine.Option;

/** How a command treats its outputs: replace existing ones, and print the report on stdout. */
final class OutputOptions {
  @Option(names = "--json", description = "Also print the report as JSON on standard output.")
  boolean json;

  @Option(names = "--force", description = "Replace outputs that already exist.")
  boolean force;
}
