package dev.precis.data;

import dev.precis.PrecisException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;

/**
 * Decodes a data file's bytes into characters, refusing bytes that are not valid in the encoding
 * (where {@link java.io.InputStreamReader} would silently put U+FFFD in their place): they are a
 * data error that names the file, the line and the bytes, and says how to set the encoding. I/O
 * failures are data errors too (see {@link DataFiles#readError}).
 */
final class DecodingReader extends Reader {
  private static final int BUFFER = 1 << 16;
  private static final int SHOWN_BYTES = 4;
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private final Path file;
  private final InputStream in;
  private final CharsetDecoder decoder;
  private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER).flip();
  private long bytesBefore; // content bytes consumed before those in the buffer
  private boolean eof;
  private boolean flushed;

  DecodingReader(Path file, InputStream in, Charset charset) {
    this.file = file;
    this.in = in;
    this.decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  @Override
  public int read(char[] target, int offset, int length) {
    if (length == 0) {
      return 0;
    }
    CharBuffer out = CharBuffer.wrap(target, offset, length);
    while (out.position() == offset && !flushed) {
      CoderResult result = decoder.decode(bytes, out, eof);
      if (result.isError()) {
        throw invalid(result.length());
      }
      if (result.isUnderflow()) {
        if (eof) {
          decoder.flush(out);
          flushed = true;
        } else {
          fill();
        }
      }
    }
    int read = out.position() - offset;
    return read == 0 ? -1 : read;
  }

  private void fill() {
    bytesBefore += bytes.position();
    bytes.compact();
    try {
      int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
      if (n < 0) {
        eof = true;
      } else {
        bytes.position(bytes.position() + n);
      }
    } catch (IOException e) {
      throw DataFiles.readError(file, e);
    } finally {
      bytes.flip();
    }
  }

  /** The error for the {@code length} bad bytes at the buffer's position. */
  private PrecisException invalid(int length) {
    byte[] bad = new byte[Math.min(length, SHOWN_BYTES)];
    bytes.get(bytes.position(), bad);
    StringBuilder shown = new StringBuilder();
    for (byte b : bad) {
      shown
          .append(shown.isEmpty() ? "" : " ")
          .append("0x")
          .append(HexFormat.of().withUpperCase().toHexDigits(b));
    }
    Charset charset = decoder.charset();
    boolean utf8 = charset.equals(StandardCharsets.UTF_8);
    String asWindows = new String(bad, WINDOWS_1252);
    if (utf8 && asWindows.chars().allMatch(c -> c != '\uFFFD' && !Character.isISOControl(c))) {
      shown.append(", which windows-1252 reads as '").append(asWindows).append("'");
    }
    long offset = bytesBefore + bytes.position();
    return DataFiles.errorAtByte(
        file,
        offset,
        charset,
        "bytes that are not valid "
            + charset.name()
            + " ("
            + shown
            + "); set data.encoding to the file's encoding, e.g. --set data.encoding="
            + (utf8 ? WINDOWS_1252.name() : StandardCharsets.UTF_8.name()));
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
