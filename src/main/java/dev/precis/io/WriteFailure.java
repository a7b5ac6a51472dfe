package dev.precis.io;

import dev.precis.PrecisException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The one kind of message for an output that cannot be written: a usage error (exit 2) that names
 * the output, gives the system's reason in its words, and says what to do.
 */
final class WriteFailure {
  private WriteFailure() {}

  /** A usage error for {@code output}, which {@code e} stopped from being written. */
  static PrecisException cannotWrite(Output output, IOException e) {
    String reason = reason(e);
    String fix =
        reason.contains("space")
            ? "free some space or choose another " + output.option()
            : reason.contains("broken pipe")
                ? "its reader stopped reading before the end; what it got is incomplete"
                : "choose another " + output.option() + " or check its permissions";
    return new PrecisException(
        PrecisException.USAGE, output + ": cannot write: " + reason + "; " + fix, e);
  }

  /**
   * A usage error for {@code file} of {@code output} (the output itself, or one file of a directory
   * output), which did not exist when the run checked it but does now: another program made it
   * meanwhile, and without --force it is kept.
   */
  static PrecisException appeared(Output output, Path file) {
    return PrecisException.usage(
        file
            + ": appeared while Precis was writing it, and is kept; pass --force to replace it, or"
            + " choose another "
            + output.option());
  }

  /** A usage error for the scratch file {@code output} is assembled in, which {@code e} stopped. */
  static PrecisException cannotWriteScratch(Output output, Path scratch, IOException e) {
    return new PrecisException(
        PrecisException.USAGE,
        output
            + ": cannot write its scratch file "
            + scratch
            + ": "
            + reason(e)
            + "; free some space there, or choose another "
            + output.option(),
        e);
  }

  /** The I/O failure itself, whether it came checked or wrapped. */
  static IOException cause(Exception e) {
    return e instanceof UncheckedIOException unchecked ? unchecked.getCause() : (IOException) e;
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
}
