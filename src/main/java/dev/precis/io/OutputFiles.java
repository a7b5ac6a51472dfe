package dev.precis.io;

import dev.precis.PrecisException;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How outputs are written, whatever their kind (see {@link OutputFile} and {@link
 * OutputDirectory}): the checks a run makes before any work, temporary files renamed into place,
 * and one kind of message for an output that cannot be written.
 */
public final class OutputFiles {
  /** Links followed before giving up, as the kernel does. */
  private static final int MAX_LINKS = 40;

  /** Temporaries being written now; removed if the process is stopped (Ctrl-C, SIGTERM). */
  private static final Set<Path> IN_FLIGHT = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> IN_FLIGHT.forEach(OutputFiles::deleteQuietly), "precis-cleanup"));
  }

  private OutputFiles() {}

  /** Writes a file's bytes. */
  @FunctionalInterface
  public interface FileWriter {
    void write(OutputStream out) throws IOException;
  }

  /** Fills a fresh directory. */
  @FunctionalInterface
  public interface DirectoryWriter {
    void write(Path dir) throws IOException;
  }

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

  /**
   * The file a path names once its links are followed: the real path of an existing file, else
   * where a dangling link leads (a file to create), else the path itself.
   */
  static Path followLinks(Path path) {
    try {
      if (Files.exists(path)) {
        return path.toRealPath();
      }
      Path target = path.toAbsolutePath();
      for (int hops = 0; hops < MAX_LINKS && Files.isSymbolicLink(target); hops++) {
        target = target.resolveSibling(Files.readSymbolicLink(target));
      }
      return target;
    } catch (IOException e) {
      return path.toAbsolutePath();
    }
  }

  /** Writes into a stream that stays open (standard output, a device, a FIFO), then flushes it. */
  static void stream(OutputFile output, OutputStream stream, FileWriter writer) {
    Watched out = new Watched(new NonClosing(stream));
    try {
      try (OutputStream buffered = new BufferedOutputStream(out, 1 << 16)) {
        writer.write(buffered);
      }
    } catch (IOException | UncheckedIOException e) {
      throw failure(output, out, e);
    }
  }

  /** Writes a regular file at {@code target} through a temporary sibling renamed into place. */
  static void replace(OutputFile output, Path target, FileWriter writer) {
    Path temp = temporarySibling(target);
    Watched out = null;
    try {
      out = new Watched(Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW));
      try (OutputStream buffered = new BufferedOutputStream(out, 1 << 16)) {
        writer.write(buffered);
      }
      moveIntoPlace(temp, target);
    } catch (IOException | UncheckedIOException e) {
      deleteQuietly(temp);
      throw out == null ? cannotWrite(output, cause(e)) : failure(output, out, e);
    } catch (RuntimeException e) {
      deleteQuietly(temp);
      throw e;
    }
  }

  /**
   * What a failure while writing means: the output's own fault when its stream failed (a usage
   * error), else whatever the writer was doing besides (reading its input, say).
   */
  private static RuntimeException failure(OutputFile output, Watched out, Exception e) {
    if (out.failure != null) {
      return cannotWrite(output, out.failure);
    }
    return e instanceof UncheckedIOException unchecked
        ? unchecked
        : new UncheckedIOException(cause(e));
  }

  private static IOException cause(Exception e) {
    return e instanceof UncheckedIOException unchecked ? unchecked.getCause() : (IOException) e;
  }

  /**
   * A usage error (exit 2) for an output that cannot be written: which, why in the system's words,
   * and what to do.
   */
  static PrecisException cannotWrite(Output output, IOException e) {
    String reason = reason(e);
    String fix =
        reason.contains("space")
            ? "free some space or choose another " + output.option()
            : "choose another " + output.option() + " or check its permissions";
    return new PrecisException(
        PrecisException.USAGE, output + ": cannot write: " + reason + "; " + fix, e);
  }

  private static String reason(IOException e) {
    String reason;
    if (e instanceof AccessDeniedException) {
      reason = "permission denied";
    } else if (e instanceof NoSuchFileException) {
      reason = "no such file or directory";
    } else if (e instanceof FileSystemException f && f.getReason() != null) {
      reason = f.getReason();
    } else if (e.getMessage() != null) {
      reason = e.getMessage();
    } else {
      reason = "input/output error";
    }
    return reason.isEmpty()
        ? reason
        : reason.substring(0, 1).toLowerCase(Locale.ROOT) + reason.substring(1);
  }

  /**
   * A temporary name next to {@code target}, for callers that assemble an output in steps. It is
   * deleted if the process is stopped before {@link #moveIntoPlace} or {@link #deleteQuietly}.
   */
  public static Path temporarySibling(Path target) {
    Path absolute = target.toAbsolutePath();
    Path temp =
        absolute.resolveSibling(
            "."
                + absolute.getFileName()
                + ".tmp-"
                + ProcessHandle.current().pid()
                + "-"
                + Long.toHexString(System.nanoTime()));
    IN_FLIGHT.add(temp);
    return temp;
  }

  public static void moveIntoPlace(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
    IN_FLIGHT.remove(temp);
  }

  public static void deleteQuietly(Path path) {
    IN_FLIGHT.remove(path);
    if (!Files.exists(path)) {
      return;
    }
    try (var walk = Files.walk(path)) {
      walk.sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (IOException | UncheckedIOException e) {
      // best effort: the temporary name already marks it as debris
    }
  }

  /** Remembers the first failure of the stream it wraps, to tell it from the writer's others. */
  private static final class Watched extends FilterOutputStream {
    IOException failure;

    Watched(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      watch(() -> out.write(b));
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      watch(() -> out.write(b, off, len));
    }

    @Override
    public void flush() throws IOException {
      watch(out::flush);
    }

    @Override
    public void close() throws IOException {
      watch(out::close);
    }

    private void watch(IoAction action) throws IOException {
      try {
        action.run();
      } catch (IOException e) {
        if (failure == null) {
          failure = e;
        }
        throw e;
      }
    }
  }

  @FunctionalInterface
  private interface IoAction {
    void run() throws IOException;
  }

  /** Leaves open a stream the run does not own. */
  private static final class NonClosing extends FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      out.flush();
    }
  }
}
