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
  private final char delimiter;
  private final boolean quoting;
  private char[] buffer;
  private int filled;
  private long nextLine;
  private long sequence;
  private boolean eof;
  private TextBlock pending;

  /**
   * @param reader the file's characters, positioned at the start of a record
   * @param delimiter the field delimiter: a quote opens a quoted field only at a field's start
   * @param quoting whether quotes are honoured at all (data.quote)
   * @param firstLine the physical line number of the first character
   * @param blockChars target block size in characters; a longer record grows the block
   */
  public BlockReader(
      Reader reader, char delimiter, boolean quoting, long firstLine, int blockChars) {
    this.reader = reader;
    this.delimiter = delimiter;
    this.quoting = quoting;
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
        long cutAndLines = lastRecordEnd();
        int cut = (int) (cutAndLines >>> 32);
        if (cut > 0) {
          return take(cut, (int) cutAndLines);
        }
        if (eof && filled > 0) {
          return take(filled, newlines(filled));
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

  /**
   * In one pass: the index just past the last line break outside quotes (high 32 bits; 0 if none)
   * and the number of line breaks before it (low 32 bits). Quotes follow the parser's rule: one
   * opens a quoted field only at the field's start (or right after a closing quote, which makes a
   * doubled quote); elsewhere it is an ordinary character.
   */
  private long lastRecordEnd() {
    boolean quoted = false;
    boolean fieldStart = true;
    boolean justClosed = false;
    int end = 0;
    int lines = 0;
    int linesAtEnd = 0;
    char[] b = buffer;
    for (int i = 0, n = filled; i < n; i++) {
      char c = b[i];
      if (quoted) {
        if (c == CsvDialect.QUOTE) {
          quoted = false;
          justClosed = true;
        } else if (c == '\n') {
          lines++;
        }
        continue;
      }
      if (c == CsvDialect.QUOTE && quoting) {
        quoted = fieldStart || justClosed;
        fieldStart = false;
        justClosed = false;
        continue;
      }
      justClosed = false;
      if (c == '\n') {
        lines++;
        end = i + 1;
        linesAtEnd = lines;
        fieldStart = true;
      } else if (c == delimiter) {
        fieldStart = true;
      } else if (c != '\r') {
        fieldStart = false;
      }
    }
    return ((long) end << 32) | linesAtEnd;
  }

  private int newlines(int length) {
    int lines = 0;
    for (int i = 0; i < length; i++) {
      if (buffer[i] == '\n') {
        lines++;
      }
    }
    return lines;
  }

  private TextBlock take(int length, int lines) {
    char[] text = Arrays.copyOf(buffer, length);
    System.arraycopy(buffer, length, buffer, 0, filled - length);
    filled -= length;
    TextBlock block = new TextBlock(text, length, nextLine, sequence++);
    nextLine += lines;
    return block;
  }

  /**
   * Gives back the part of {@code block} from {@code offset} on, to be returned by the next call.
   */
  public void unread(TextBlock block, int offset) {
    long line = block.firstLine();
    for (int i = 0; i < offset; i++) {
      if (block.text()[i] == '\n') {
        line++;
      }
    }
    int length = block.length() - offset;
    if (length > 0) {
      pending =
          new TextBlock(
              Arrays.copyOfRange(block.text(), offset, block.length()),
              length,
              line,
              block.sequence());
    }
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
