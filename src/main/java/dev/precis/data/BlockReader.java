package dev.precis.data;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * Cuts a delimited file into blocks of whole records, so that records can be parsed on many
 * threads. A line break inside a quoted field does not end a record.
 */
public final class BlockReader implements Closeable {
  private final Reader reader;
  private char[] buffer;
  private int filled;
  private long nextLine;
  private long sequence;
  private boolean eof;
  private TextBlock pending;

  /**
   * @param reader the file's characters, positioned where the blocks start
   * @param firstLine the physical line number of the first character
   * @param blockChars target block size in characters; a longer record grows the block
   */
  public BlockReader(Reader reader, long firstLine, int blockChars) {
    this.reader = reader;
    this.buffer = new char[blockChars];
    this.nextLine = firstLine;
  }

  /** The next block, or null at the end of the file. */
  public TextBlock next() {
    if (pending != null) {
      TextBlock block = pending;
      pending = null;
      return block;
    }
    try {
      while (true) {
        fill();
        int cut = lastRecordEnd();
        if (cut > 0 || (eof && filled > 0)) {
          int length = cut > 0 ? cut : filled;
          return take(length);
        }
        if (eof) {
          return null;
        }
        buffer = Arrays.copyOf(buffer, buffer.length * 2);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void fill() throws IOException {
    while (!eof && filled < buffer.length) {
      int n = reader.read(buffer, filled, buffer.length - filled);
      if (n < 0) {
        eof = true;
      } else {
        filled += n;
      }
    }
  }

  /** Index just past the last line break that is outside quotes, or 0 if there is none. */
  private int lastRecordEnd() {
    boolean quoted = false;
    int end = 0;
    char[] b = buffer;
    for (int i = 0, n = filled; i < n; i++) {
      char c = b[i];
      if (c == CsvDialect.QUOTE) {
        quoted = !quoted;
      } else if (c == '\n' && !quoted) {
        end = i + 1;
      }
    }
    return end;
  }

  private TextBlock take(int length) {
    char[] text = Arrays.copyOf(buffer, length);
    System.arraycopy(buffer, length, buffer, 0, filled - length);
    filled -= length;
    TextBlock block = new TextBlock(text, length, nextLine, sequence++);
    for (int i = 0; i < length; i++) {
      if (text[i] == '\n') {
        nextLine++;
      }
    }
    return block;
  }

  /** Gives back the part of {@code block} from {@code offset} on, to be returned by the next call. */
  public void unread(TextBlock block, int offset) {
    long line = block.firstLine();
    for (int i = 0; i < offset; i++) {
      if (block.text()[i] == '\n') {
        line++;
      }
    }
    int length = block.length() - offset;
    if (length > 0) {
      pending = new TextBlock(Arrays.copyOfRange(block.text(), offset, block.length()), length, line, block.sequence());
    }
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
