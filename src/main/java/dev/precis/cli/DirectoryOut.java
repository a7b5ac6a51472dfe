package dev.precis.cli;

import dev.precis.io.OutputDirectory;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** The --out of a command that writes a directory of known files (prep, tune). */
final class DirectoryOut {
  @Option(
      names = {"-o", "--out"},
      paramLabel = "DIR",
      description =
          "Directory to write (created if absent); other files in it are left as they are"
              + " (required).")
  Path path;

  /** The directory as an output that may hold {@code files}, in the order they are put there. */
  OutputDirectory of(OutputOptions output, List<String> files) {
    return output.directory("--out", path, files);
  }
}
