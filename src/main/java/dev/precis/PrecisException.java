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
    this(exitCode, message, null);
  }

  public PrecisException(int exitCode, String message, Throwable cause) {
    super(printable(message), cause);
    this.exitCode = exitCode;
  }

  /**
   * The message as one printable line: a value quoted from a file may hold a tab, a line break or
   * another control or format character, which would break the line or vanish on a terminal, so
   * each is written as its escape: backslash-t, backslash-n, or backslash-u and four hex digits.
   */
  static String printable(String message) {
    if (message == null || message.chars().noneMatch(PrecisException::unprintable)) {
      return message;
    }
    StringBuilder out = new StringBuilder(message.length() + 16);
    message
        .chars()
        .forEach(
            c -> {
              if (!unprintable(c)) {
                out.append((char) c);
              } else if (c == '\t') {
                out.append("\\t");
              } else if (c == '\n') {
                out.append("\\n");
              } else if (c == '\r') {
                out.append("\\r");
              } else {
                out.append(String.format("\\u%04x", c));
              }
            });
    return out.toString();
  }

  private static boolean unprintable(int c) {
    return Character.isISOControl(c) || Character.getType(c) == Character.FORMAT;
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
