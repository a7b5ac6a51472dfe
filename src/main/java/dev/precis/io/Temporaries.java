package dev.precis.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Temporary files and directories an output is assembled in before it is renamed into place. Each
 * one still in flight is deleted if the process is stopped (Ctrl-C, SIGTERM), so an interrupted run
 * leaves no debris.
 */
public final class Temporaries {
  /** Temporaries being written now; removed if the process is stopped. */
  private static final Set<Path> IN_FLIGHT = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> IN_FLIGHT.forEach(Temporaries::deleteQuietly), "precis-cleanup"));
  }

  private Temporaries() {}

  /**
   * A temporary name next to {@code target}, for callers that assemble an output in steps. It is
   * deleted if the process is stopped before {@link #moveIntoPlace} or {@link #deleteQuietly}.
   */
  public static Path siblingOf(Path target) {
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

  /**
   * Renames {@code temp} over {@code target}, atomically where the file system can; it is no longer
   * a temporary after. Without {@code replace}, a target that exists by now (made by another
   * program while this one was writing) is kept and the move refused.
   *
   * @throws FileAlreadyExistsException without {@code replace}, when the target exists
   * @throws IOException if it cannot be moved
   */
  public static void moveIntoPlace(Path temp, Path target, boolean replace) throws IOException {
    if (replace) {
      try {
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } else {
      try {
        // A rename replaces what is there; a hard link is made only where nothing is.
        Files.createLink(target, temp);
        Files.delete(temp);
      } catch (UnsupportedOperationException | FileSystemException e) {
        if (e instanceof FileAlreadyExistsException exists) {
          throw exists;
        }
        Files.move(temp, target); // no hard links here: refuses an existing target, not atomically
      }
    }
    IN_FLIGHT.remove(temp);
  }

  /** Deletes a temporary file or directory tree if it is there; never throws. */
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
