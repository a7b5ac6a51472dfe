package dev.precis.io;

import dev.precis.PrecisException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;

/**
 * Writes outputs so that a reader never sees half of one: into a temporary sibling, renamed into
 * place only when complete. An existing output is replaced only with --force; a failed write leaves
 * nothing behind.
 */
public final class OutputFiles {
  /** Temporaries being written now; removed if the process is stopped (Ctrl-C, SIGTERM). */
  private static final java.util.Set<Path> IN_FLIGHT =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

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

  /** Fills a fresh directory (or, internally, any path). */
  @FunctionalInterface
  public interface DirectoryWriter {
    void write(Path dir) throws IOException;
  }

  /**
   * A usage error (exit 2) if the output exists and --force was not given. Call before long work.
   */
  public static void checkWritable(Path target, boolean force) {
    if (Files.exists(target) && !force) {
      throw PrecisException.usage(
          target + ": already exists; pass --force to replace it, or choose another --out");
    }
    Path parent = target.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      throw PrecisException.usage(
          target + ": its directory " + parent + " does not exist; create it first");
    }
  }

  public static void writeFile(Path target, boolean force, FileWriter writer) {
    viaTemporary(
        target,
        force,
        temp -> {
          try (OutputStream out =
              new java.io.BufferedOutputStream(Files.newOutputStream(temp), 1 << 16)) {
            writer.write(out);
          }
        });
  }

  public static void writeDirectory(Path target, boolean force, DirectoryWriter writer) {
    viaTemporary(
        target,
        force,
        temp -> {
          Files.createDirectory(temp);
          writer.write(temp);
          if (Files.exists(target)) {
            deleteQuietly(target);
          }
        });
  }

  /** Fills a temporary sibling, then renames it over the target; on failure removes it. */
  private static void viaTemporary(Path target, boolean force, DirectoryWriter fill) {
    checkWritable(target, force);
    Path temp = temporarySibling(target);
    try {
      fill.write(temp);
      moveIntoPlace(temp, target);
    } catch (IOException e) {
      deleteQuietly(temp);
      throw PrecisException.data(target + ": cannot write: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      deleteQuietly(temp);
      throw e;
    }
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
}
