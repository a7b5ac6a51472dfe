package dev.precis.io;

import dev.precis.PrecisException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The checks a run makes on its outputs before any work, so that a mistake costs nothing: each
 * failed check is a usage error (exit 2) that names the output and says how to fix it.
 */
public final class OutputChecks {
  private OutputChecks() {}

  /**
   * Checks a run's outputs before any work: at most one goes to standard output, none is one of the
   * run's {@code inputs} (whatever --force: replacing an input destroys it), no two write the same
   * file, and each can be written ({@link Output#check}). A usage error (exit 2) names the first
   * problem.
   *
   * @param inputs the files the run reads
   */
  public static void check(Collection<Path> inputs, Collection<? extends Output> outputs) {
    List<String> toStandardOutput =
        outputs.stream().filter(Output::toStandardOutput).map(o -> o.option() + " -").toList();
    if (toStandardOutput.size() > 1) {
      throw PrecisException.usage(
          String.join(" and ", toStandardOutput)
              + " both write to standard output; send one of them to a file");
    }
    List<Path> written = new ArrayList<>();
    for (Output output : outputs) {
      for (Path file : output.files()) {
        for (Path input : inputs) {
          if (sameFile(file, input)) {
            String same = sameName(file, input) ? "" : " (" + input + ")";
            throw PrecisException.usage(
                file
                    + ": is an input of this run"
                    + same
                    + ", and writing it would destroy it; choose another "
                    + output.option());
          }
        }
        for (Path other : written) {
          if (sameFile(file, other)) {
            throw PrecisException.usage(
                file + ": would be written twice by this run; give each output its own name");
          }
        }
        written.add(file);
      }
    }
    outputs.forEach(Output::check);
  }

  /**
   * A usage error unless {@code dir}, where {@code output} will be created, is a writable
   * directory.
   */
  static void checkDirectoryFor(Path output, Path dir, String option) {
    if (dir == null) {
      return;
    }
    if (!Files.isDirectory(dir)) {
      throw PrecisException.usage(
          output
              + ": "
              + (Files.exists(dir)
                  ? dir + " is not a directory;"
                  : "its directory " + dir + " does not exist; create it first, or")
              + " choose another "
              + option);
    }
    if (!Files.isWritable(dir)) {
      throw PrecisException.usage(
          output
              + ": cannot write in "
              + dir
              + ": permission denied; choose another "
              + option
              + " or change the directory's permissions");
    }
  }

  private static boolean sameFile(Path a, Path b) {
    try {
      if (Files.exists(a) && Files.exists(b)) {
        return Files.isSameFile(a, b);
      }
    } catch (IOException e) {
      // fall back to comparing names
    }
    return sameName(a, b);
  }

  private static boolean sameName(Path a, Path b) {
    return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
  }
}
