package dev.precis.io;

import java.nio.file.Path;
import java.util.List;

/**
 * Something a run writes: a file ({@link OutputFile}) or a directory of known files ({@link
 * OutputDirectory}). A command checks all of its outputs, with its inputs, before any work (see
 * {@link OutputFiles#check}).
 */
public sealed interface Output permits OutputFile, OutputDirectory {
  /** The option that named it (--out, --report, …), for messages. */
  String option();

  /** As the user gave it; {@code -} for standard output. */
  Path path();

  boolean toStandardOutput();

  /**
   * A usage error (exit 2) if it cannot be written: it exists and --force was not given, its
   * directory is missing or not writable, or it is the wrong kind of file.
   */
  void check();

  /** The files it would write, to compare with the run's inputs; none for standard output. */
  List<Path> files();
}
