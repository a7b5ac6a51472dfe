package dev.precis.cli;

import dev.precis.PrecisException;
import dev.precis.data.PreparedDirectory;
import dev.precis.io.Output;
import dev.precis.io.OutputChecks;
import dev.precis.io.OutputDirectory;
import dev.precis.io.OutputFile;
import dev.precis.io.StandardStreams;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * How a command treats its outputs: replace existing ones, and print the report on stdout. Builds
 * the command's outputs and checks them before any work.
 */
final class OutputOptions {
  @Option(names = "--json", description = "Also print the report as JSON on standard output.")
  boolean json;

  @Option(
      names = "--force",
      description =
          "Replace outputs that already exist (only files Precis writes; never an input).")
  boolean force;

  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  /** A file named by {@code option}; {@code -} is standard output. */
  OutputFile file(String option, Path path) {
    return new OutputFile(option, path, force, ((Main) command.root().userObject()).stdout());
  }

  /** A directory named by {@code option}, into which the command writes only {@code names}. */
  OutputDirectory directory(String option, Path path, Collection<String> names) {
    return new OutputDirectory(option, path, force, names);
  }

  /**
   * Checks the outputs (null ones are those the run does not write) against each other, --json and
   * the run's inputs, before any work: a usage error (exit 2) names the first problem.
   *
   * @param inputs the files the run reads; null and {@code -} ones are skipped
   */
  void check(List<Path> inputs, Output... outputs) {
    List<Output> written = Arrays.stream(outputs).filter(Objects::nonNull).toList();
    for (Output output : written) {
      if (json && output.toStandardOutput()) {
        throw PrecisException.usage(
            "--json and "
                + output.option()
                + " - both write to standard output; send one of them to a file");
      }
    }
    OutputChecks.check(
        inputs.stream()
            .filter(Objects::nonNull)
            .filter(path -> !StandardStreams.isDash(path))
            .flatMap(OutputOptions::filesOf)
            .toList(),
        written);
  }

  /** A prepared directory is read file by file; any other input is one file. */
  private static Stream<Path> filesOf(Path input) {
    return PreparedDirectory.isPrepared(input)
        ? PreparedDirectory.FILES.stream().map(input::resolve)
        : Stream.of(input);
  }
}
