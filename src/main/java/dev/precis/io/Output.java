package dev.precis.io;

import java.nio.file.Path;
import java.util.List;

/**
 * Something a run writes: a file ({@link OutputFile}) or a directory of known files ({@link
 * OutputDirectory}), named by an option. A command checks all of its outputs, with its inputs,
 * before any work (see {@link OutputChecks#check}).
 */
public abstract sealed class Output permits OutputFile, OutputDirectory {
  private final String option;
  private final Path path;
  private final boolean force;

  Output(String option, Path path, boolean force) {
    this.option = option;
    this.path = path;
    this.force = force;
  }

  /** The option that named it (--out, --report, …), for messages. */
  public String option() {
    return option;
  }

  /** As the user gave it; {@code -} for standard output. */
  public Path path() {
    return path;
  }

  public boolean toStandardOutput() {
    return StandardStreams.isDash(path);
  }

  /** Whether --force was given: an existing output may be replaced. */
  boolean force() {
    return force;
  }

  /**
   * A usage error (exit 2) if it cannot be written: it exists and --force was not given, its
   * directory is missing or not writable, or it is the wrong kind of file.
   */
  public abstract void check();

  /** The files it would write, to compare with the run's inputs; none for standard output. */
  public abstract List<Path> files();
}
