package dev.precis.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * The engine's (Tribuo's) java.util.logging records on a command's error writer, for as long as the
 * command runs. Opening it puts its handler in place of the root logger's own (the JVM's default
 * writes to System.err, which a caller that gave the command a writer would not see); closing it
 * puts those back, so runs in one JVM neither leak handlers nor print each other's lines. The root
 * logger is global: runs that overlap in one JVM would share it, so callers run one at a time.
 */
final class EngineLog {
  private final Logger root = Logger.getLogger("");
  private final List<Handler> replaced;
  private final Level replacedLevel;
  private final Handler handler;

  private EngineLog(PrintWriter err, Level level) {
    replaced = List.of(root.getHandlers());
    replacedLevel = root.getLevel();
    handler = new WriterHandler(err);
    handler.setLevel(level);
    replaced.forEach(root::removeHandler);
    root.addHandler(handler);
    root.setLevel(level);
  }

  /** Sends records of {@code level} and above to {@code err} until closed. */
  static EngineLog open(PrintWriter err, Level level) {
    return new EngineLog(err, level);
  }

  /** Puts the root logger back as it was. */
  void close() {
    root.removeHandler(handler);
    replaced.forEach(root::addHandler);
    root.setLevel(replacedLevel);
  }

  /** Each record formatted as the JVM's console handler does, and flushed at once. */
  private static final class WriterHandler extends Handler {
    private final PrintWriter err;

    WriterHandler(PrintWriter err) {
      this.err = err;
      setFormatter(new SimpleFormatter());
    }

    @Override
    public void publish(LogRecord record) {
      if (isLoggable(record)) {
        err.print(getFormatter().format(record));
        err.flush();
      }
    }

    @Override
    public void flush() {
      err.flush();
    }

    @Override
    public void close() {
      flush();
    }
  }
}
