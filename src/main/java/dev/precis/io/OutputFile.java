package dev.precis.io;

import dev.precis.PrecisException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Optional;

/**
 * A file a run writes, named by an option or placed beside another output. How it is written
 * depends on what the name is when the run writes:
 *
 * <ul>
 *   <li>{@code -}: standard output.
 *   <li>a device, FIFO or socket: written straight into, as a shell redirection would; it is never
 *       replaced, and needs no --force, since writing into /dev/stdout or a pipe is what was asked.
 *   <li>a symbolic link: as the file it points to (which may not exist yet); the link stays.
 *   <li>a regular file, or nothing: written to a temporary sibling and renamed into place, so a
 *       reader never sees half of it and a failed run leaves nothing behind; an existing file is
 *       replaced only with --force.
 * </ul>
 *
 * A file that cannot be written is a usage error (exit 2) naming it and the system's reason.
 */
public final class OutputFile extends Output {
  private final OutputStream stdout;

  /**
   * @param stdout where {@code -} writes; left open
   */
  public OutputFile(String option, Path path, boolean force, OutputStream stdout) {
    super(option, path, force);
    this.stdout = stdout;
  }

  /** Writes a file's bytes. */
  @FunctionalInterface
  public interface FileWriter {
    void write(OutputStream out) throws IOException;
  }

  private enum Kind {
    STANDARD_OUTPUT,
    STREAM,
    REGULAR,
    DIRECTORY
  }

  /** Whether it lands in a regular file, now or once written: where default siblings go. */
  public boolean isRegularFile() {
    return kind() == Kind.REGULAR;
  }

  /**
   * The output beside this one that {@code suffix} names (model.precis -> model.train-report.json),
   * when this one is a regular file; standard output, devices and FIFOs get none.
   */
  public Optional<OutputFile> sibling(String suffix, String siblingOption) {
    if (!isRegularFile()) {
      return Optional.empty();
    }
    String name = path().getFileName().toString();
    int dot = name.lastIndexOf('.');
    Path sibling = path().resolveSibling((dot > 0 ? name.substring(0, dot) : name) + suffix);
    return Optional.of(new OutputFile(siblingOption, sibling, force(), stdout));
  }

  @Override
  public void check() {
    switch (kind()) {
      case STANDARD_OUTPUT, STREAM -> {}
      case DIRECTORY ->
          throw PrecisException.usage(
              path() + ": is a directory; give " + option() + " a file name");
      case REGULAR -> checkRegular();
    }
  }

  private void checkRegular() {
    Path target = target();
    if (Files.isSymbolicLink(target)) {
      throw PrecisException.usage(
          path() + ": is a loop of symbolic links; choose another " + option());
    }
    if (Files.exists(target) && !force()) {
      throw PrecisException.usage(
          path() + ": already exists; pass --force to replace it, or choose another " + option());
    }
    OutputChecks.checkDirectoryFor(path(), target.getParent(), option());
  }

  @Override
  public List<Path> files() {
    return toStandardOutput() ? List.of() : List.of(path());
  }

  /** Writes the output, after checking it again (the file system may have changed since). */
  public void write(FileWriter writer) {
    check();
    switch (kind()) {
      case STANDARD_OUTPUT -> stream(stdout, writer);
      case STREAM -> streamIntoFile(writer);
      case REGULAR -> replace(target(), writer);
      case DIRECTORY -> throw new IllegalStateException("checked above");
    }
  }

  private void streamIntoFile(FileWriter writer) {
    try (OutputStream out = Files.newOutputStream(path(), StandardOpenOption.WRITE)) {
      stream(out, writer);
    } catch (IOException e) {
      throw WriteFailure.cannotWrite(this, e);
    }
  }

  /** Writes into a stream that stays open (standard output, a device, a FIFO), then flushes it. */
  private void stream(OutputStream stream, FileWriter writer) {
    WatchedStream out = new WatchedStream(new NonClosingStream(stream));
    try {
      try (OutputStream buffered = new BufferedOutputStream(out, 1 << 16)) {
        writer.write(buffered);
      }
    } catch (IOException | UncheckedIOException e) {
      throw out.failure(this, e);
    }
  }

  /** Writes a regular file at {@code target} through a temporary sibling renamed into place. */
  private void replace(Path target, FileWriter writer) {
    Path temp = Temporaries.siblingOf(target);
    WatchedStream out = null;
    try {
      out = new WatchedStream(Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW));
      try (OutputStream buffered = new BufferedOutputStream(out, 1 << 16)) {
        writer.write(buffered);
      }
      Temporaries.moveIntoPlace(temp, target, force());
    } catch (FileAlreadyExistsException e) {
      Temporaries.deleteQuietly(temp);
      throw WriteFailure.appeared(this, path());
    } catch (IOException | UncheckedIOException e) {
      Temporaries.deleteQuietly(temp);
      throw out == null
          ? WriteFailure.cannotWrite(this, WriteFailure.cause(e))
          : out.failure(this, e);
    } catch (RuntimeException e) {
      Temporaries.deleteQuietly(temp);
      throw e;
    }
  }

  /**
   * A temporary file for a run that assembles this output in two passes: beside it when it is a
   * regular file (same disk), else in the system's temporary directory. Remove it with {@link
   * Temporaries#deleteQuietly}; it goes too if the process is stopped.
   */
  public Path scratch() {
    Path near =
        isRegularFile()
            ? target()
            : Path.of(System.getProperty("java.io.tmpdir"), "precis-" + path().getFileName());
    return Temporaries.siblingOf(near);
  }

  /**
   * The usage error (exit 2) for a {@link #scratch} file of this output that could not be written,
   * whether the failure came checked or wrapped.
   */
  public PrecisException scratchFailure(Path scratch, Exception e) {
    return WriteFailure.cannotWriteScratch(this, scratch, WriteFailure.cause(e));
  }

  private Kind kind() {
    if (toStandardOutput()) {
      return Kind.STANDARD_OUTPUT;
    }
    try {
      BasicFileAttributes file = Files.readAttributes(path(), BasicFileAttributes.class);
      return file.isRegularFile()
          ? Kind.REGULAR
          : file.isDirectory() ? Kind.DIRECTORY : Kind.STREAM;
    } catch (IOException e) {
      // absent, or beyond reach: a file to create, whose checks and writing say what is wrong
      return Kind.REGULAR;
    }
  }

  /** Where a regular file's bytes go: the path, or the file a link there points to. */
  private Path target() {
    return SymbolicLinks.follow(path());
  }

  /** The name in messages: the path, or "standard output". */
  @Override
  public String toString() {
    return toStandardOutput() ? "standard output" : path().toString();
  }
}
