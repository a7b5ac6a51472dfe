package dev.precis.cli;

import java.io.PrintWriter;

/**
 * The human side of a command: summaries and progress on standard error, silent under --quiet; and
 * verdicts, which --quiet does not silence.
 */
final class Console {
  private final PrintWriter err;
  private final boolean quiet;
  private final boolean terminal;
  private long lastProgress;

  Console(PrintWriter err, boolean quiet) {
    this.err = err;
    this.quiet = quiet;
    this.terminal = System.console() != null;
  }

  void say(String text) {
    if (!quiet) {
      endProgress();
      err.print(text.endsWith("\n") ? text : text + "\n");
      err.flush();
    }
  }

  /**
   * A verdict behind a non-zero exit that is not an error (a failed quality gate), as one {@code
   * precis: } line: printed even under --quiet, which silences chatter, not the reason for a
   * failure.
   */
  void verdict(String line) {
    err.println("precis: " + line);
    err.flush();
  }

  /**
   * A progress line, rewritten in place at most twice a second; only on a terminal. Any thread may
   * call it (tune trials, text embedding).
   */
  synchronized void progress(String text) {
    long now = System.nanoTime();
    if (quiet || !terminal || now - lastProgress < 500_000_000L) {
      return;
    }
    lastProgress = now;
    err.print("\r" + text + "\u001b[K");
    err.flush();
  }

  /** Clears the progress line before a summary; {@link #say} does it too. */
  synchronized void endProgress() {
    if (!quiet && terminal && lastProgress != 0) {
      err.print("\r\u001b[K");
      err.flush();
      lastProgress = 0;
    }
  }
}
