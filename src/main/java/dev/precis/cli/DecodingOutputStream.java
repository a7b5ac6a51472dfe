package dev.precis.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Bytes written to standard output passed on as text to a writer, for callers that run Precis with
 * a writer rather than a stream: UTF-8 text arrives intact; binary output (a bundle) does not.
 */
final class DecodingOutputStream extends OutputStream {
  private final Writer writer;
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE);
  private final ByteBuffer bytes = ByteBuffer.allocate(1 << 13);
  private final CharBuffer chars = CharBuffer.allocate(1 << 13);

  DecodingOutputStream(Writer writer) {
    this.writer = writer;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    while (len > 0) {
      int n = Math.min(len, bytes.remaining());
      bytes.put(b, off, n);
      off += n;
      len -= n;
      decode();
    }
  }

  /** Passes on every complete character; a character split between writes waits for its end. */
  private void decode() throws IOException {
    bytes.flip();
    CoderResult result;
    do {
      result = decoder.decode(bytes, chars, false);
      writer.write(chars.array(), 0, chars.position());
      chars.clear();
    } while (result.isOverflow());
    bytes.compact();
  }

  @Override
  public void flush() throws IOException {
    writer.flush();
  }
}
