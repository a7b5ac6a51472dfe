package dev.precis;

/**
 * A failure the user can fix, carrying the process exit status that scripts rely on. The message is
 * one line that says what is wrong, where, and how to fix it; the entry point prints it as is and
 * exits with {@link #exitCode()}.
 */
public class PrecisException extends RuntimeException {
  /** Exit status: usage or configuration error. */
  public static final int USAGE = 2;

  /** Exit status: unreadable data, missing column, type or schema mismatch. */
  public static final int DATA = 3;

  /** Exit status: a quality gate failed. */
  public static final int GATE = 4;

  private final int exitCode;

  public PrecisException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  public PrecisException(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }

  /** A usage or configuration error (exit 2). */
  public static PrecisException usage(String message) {
    return new PrecisException(USAGE, message);
  }

  /** A data error (exit 3). */
  public static PrecisException data(String message) {
    return new PrecisException(DATA, message);
  }

  /** A data error (exit 3) that keeps the underlying cause for --stacktrace. */
  public static PrecisException data(String message, Throwable cause) {
    return new PrecisException(DATA, message, cause);
  }
}
