package dev.precis.io;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * An output's stream that remembers its own first failure, to tell it from the writer's others: a
 * full disk is the output's fault (a usage error), a failed read of the writer's input is not.
 */
final class WatchedStream extends FilterOutputStream {
  private IOException failure;

  WatchedStream(OutputStream out) {
    super(out);
  }

  /**
   * What a failure while writing {@code output} means: the output's own fault when this stream
   * failed (a usage error), else whatever the writer was doing besides (reading its input, say).
   */
  RuntimeException failure(Output output, Exception e) {
    if (failure != null) {
      return WriteFailure.cannotWrite(output, failure);
    }
    return e instanceof UncheckedIOException unchecked
        ? unchecked
        : new UncheckedIOException(WriteFailure.cause(e));
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

  @FunctionalInterface
  private interface IoAction {
    void run() throws IOException;
  }
}
