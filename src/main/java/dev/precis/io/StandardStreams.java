package dev.precis.io;

import java.io.FilterInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * {@code -} where a command expects a file: standard input where it reads data, standard output
 * where it writes. The one place that knows the name, and where standard input comes from: the
 * process's own, unless a caller binds another for the length of a run (the entry point does, so
 * that commands run in-process read what their caller gives them).
 */
public final class StandardStreams {
  /** The name that means a standard stream. */
  public static final String DASH = "-";

  private static volatile InputStream boundInput;

  private StandardStreams() {}

  /** Whether a path names a standard stream rather than a file. */
  public static boolean isDash(Path path) {
    return path != null && DASH.equals(path.toString());
  }

  /** Whether a command-line value names a standard stream rather than a file. */
  /** How messages name a file: "standard input" for {@code -}, else its path. */
  public static String name(Path file) {
    return isDash(file) ? "standard input" : file.toString();
  }

  /** As {@link #name(Path)}, for a path as the config or an option gives it. */
  public static String name(String value) {
    return isDash(value) ? "standard input" : value;
  }

  public static boolean isDash(String value) {
    return DASH.equals(value);
  }

  /**
   * Standard input. It can be read once only, so a command that takes data from it must read it in
   * one pass; closing what this returns leaves the stream itself open.
   */
  public static InputStream stdin() {
    InputStream in = boundInput != null ? boundInput : System.in;
    return new FilterInputStream(in) {
      @Override
      public void close() {
        // the stream belongs to whoever bound it
      }
    };
  }

  /** Runs {@code run} with {@code in} as standard input, then restores the previous one. */
  public static <T> T withStdin(InputStream in, Supplier<T> run) {
    InputStream previous = boundInput;
    boundInput = in;
    try {
      return run.get();
    } finally {
      boundInput = previous;
    }
  }
}
