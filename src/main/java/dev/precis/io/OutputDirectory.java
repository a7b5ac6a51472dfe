package dev.precis.io;

import dev.precis.PrecisException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A directory a run writes a known set of files into (prep's parts, tune's leaderboard). It never
 * removes the directory, nor anything in it that is not one of those files:
 *
 * <ul>
 *   <li>absent: filled as a temporary sibling, renamed into place when complete;
 *   <li>present: the files are staged in a hidden temporary directory inside it, then each is
 *       renamed over its name (through a symbolic link, if one is there). Names of the set that
 *       already exist need --force; with --force, those this run does not write (a valid.csv from
 *       an earlier split) are removed, so no stale part survives.
 * </ul>
 *
 * A directory that cannot be written is a usage error (exit 2) naming it and the system's reason.
 */
public final class OutputDirectory extends Output {
  private final Set<String> names;

  /**
   * @param names every file name this command may write there, in the order they are put in place
   *     in an existing directory: the one that vouches for the others (a manifest of digests) last
   */
  public OutputDirectory(String option, Path path, boolean force, Collection<String> names) {
    super(option, path, force);
    this.names = new LinkedHashSet<>(names);
  }

  /** Fills a fresh directory. */
  @FunctionalInterface
  public interface DirectoryWriter {
    void write(Path dir) throws IOException;
  }

  @Override
  public void check() {
    if (toStandardOutput()) {
      throw PrecisException.usage(
          option()
              + " -: this command writes several files ("
              + String.join(", ", names)
              + "), which cannot go to standard output; give a directory");
    }
    if (!Files.exists(path())) {
      OutputChecks.checkDirectoryFor(path(), path().toAbsolutePath().getParent(), option());
      return;
    }
    if (!Files.isDirectory(path())) {
      throw PrecisException.usage(
          path() + ": exists and is not a directory; choose another " + option());
    }
    List<String> present = new ArrayList<>();
    for (String name : names) {
      Path file = path().resolve(name);
      if (Files.exists(file) && !Files.isRegularFile(file)) {
        throw PrecisException.usage(
            file + ": is not a regular file, so it cannot be replaced; move it away");
      }
      if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
        present.add(name);
      }
    }
    if (!present.isEmpty() && !force()) {
      throw PrecisException.usage(
          path()
              + ": already holds "
              + String.join(", ", present)
              + "; pass --force to replace "
              + (present.size() == 1 ? "it" : "them")
              + " (nothing else there is touched), or choose another "
              + option());
    }
    OutputChecks.checkDirectoryFor(path(), path(), option());
  }

  @Override
  public List<Path> files() {
    return names.stream().map(path()::resolve).toList();
  }

  /**
   * Fills the directory: {@code writer} writes some of the names into the directory it is given.
   */
  public void write(DirectoryWriter writer) {
    check();
    boolean fresh = !Files.exists(path());
    Path staging = Temporaries.siblingOf(fresh ? path() : path().resolve(".precis"));
    try {
      Files.createDirectory(staging);
      writer.write(staging);
      List<String> written = written(staging);
      if (fresh) {
        Files.move(staging, path(), StandardCopyOption.ATOMIC_MOVE);
        Temporaries.deleteQuietly(staging);
      } else {
        replace(staging, written);
      }
    } catch (IOException e) {
      Temporaries.deleteQuietly(staging);
      throw WriteFailure.cannotWrite(this, e);
    } catch (RuntimeException e) {
      Temporaries.deleteQuietly(staging);
      throw e;
    }
  }

  /** The names the writer wrote: only ones this output owns, or it would leave them behind. */
  private List<String> written(Path staging) throws IOException {
    try (var files = Files.list(staging)) {
      List<String> written = files.map(f -> f.getFileName().toString()).sorted().toList();
      for (String name : written) {
        if (!names.contains(name)) {
          throw new IllegalStateException(name + " is not among the files of " + option());
        }
      }
      return written;
    }
  }

  private void replace(Path staging, List<String> written) throws IOException {
    for (String name : names) {
      if (written.contains(name)) {
        try {
          Temporaries.moveIntoPlace(
              staging.resolve(name), SymbolicLinks.follow(path().resolve(name)), force());
        } catch (FileAlreadyExistsException e) {
          throw WriteFailure.appeared(this, path().resolve(name));
        }
      }
    }
    for (String name : names) {
      if (force() && !written.contains(name)) {
        Files.deleteIfExists(path().resolve(name));
      }
    }
    Temporaries.deleteQuietly(staging);
  }

  @Override
  public String toString() {
    return path().toString();
  }
}
