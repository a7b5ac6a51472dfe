package dev.precis.data;

import java.nio.file.Path;

/**
 * Splits the records of a {@link TextBlock} into fields: RFC 4180 quoting (or none, for data.quote:
 * none), LF or CRLF line ends, blank lines skipped. One parser per thread; it is reused block after
 * block.
 */
public final class RecordParser {
  private final Path file;
  private final char delimiter;
  private final boolean quoting;
  private final StringBuilder unescaped = new StringBuilder();
  private char[] text;
  private int pos;
  private int end;
  private long line;
  private long recordLine;

  /** A parser for standard quoting. */
  public RecordParser(Path file, char delimiter) {
    this(file, delimiter, true);
  }

  /**
   * @param quoting whether a double quote at a field's start opens a quoted field
   */
  public RecordParser(Path file, char delimiter, boolean quoting) {
    this.file = file;
    this.delimiter = delimiter;
    this.quoting = quoting;
  }

  /** A parser for a file of this dialect. */
  public RecordParser(Path file, CsvDialect dialect) {
    this(file, dialect.delimiter(), dialect.quoted());
  }

  /** Starts parsing a block. */
  public void reset(TextBlock block) {
    text = block.text();
    pos = 0;
    end = block.length();
    line = block.firstLine();
  }

  /** How many characters of the block have been parsed. */
  public int consumed() {
    return pos;
  }

  /** The physical line on which the record last returned by {@link #next} starts. */
  public long line() {
    return recordLine;
  }

  /**
   * Parses the next record into {@code fields}.
   *
   * @return the number of fields the record has (which may exceed {@code fields.length}: the extra
   *     fields are counted, not stored), or -1 when the block has no more records
   */
  public int next(String[] fields) {
    return next(fields, null);
  }

  /** The fields of the next record, however many there are; null when the block has no more. */
  public java.util.List<String> nextRecord() {
    int start = pos;
    long startLine = line;
    int count = next(new String[0]);
    if (count < 0) {
      return null;
    }
    pos = start;
    line = startLine;
    String[] fields = new String[count];
    next(fields);
    return java.util.Arrays.asList(fields);
  }

  /**
   * As {@link #next(String[])}, but only fields whose {@code keep} flag is set are made into
   * strings; the others are checked and skipped, and left null.
   */
  public int next(String[] fields, boolean[] keep) {
    skipBlankLines();
    if (pos >= end) {
      return -1;
    }
    recordLine = line;
    int count = 0;
    while (true) {
      boolean wanted = keep == null || (count < keep.length && keep[count]);
      String value =
          quoting && pos < end && text[pos] == CsvDialect.QUOTE
              ? quotedField(wanted)
              : plainField(wanted);
      if (count < fields.length) {
        fields[count] = value;
      }
      count++;
      if (pos >= end) {
        return count;
      }
      char c = text[pos++];
      if (c == delimiter) {
        continue;
      }
      if (c == '\r' && pos < end && text[pos] == '\n') {
        pos++;
      }
      line++;
      return count;
    }
  }

  private void skipBlankLines() {
    while (pos < end && (text[pos] == '\n' || text[pos] == '\r')) {
      if (text[pos] == '\n') {
        line++;
      }
      pos++;
    }
  }

  private String plainField(boolean wanted) {
    int start = pos;
    char[] t = text;
    while (pos < end) {
      char c = t[pos];
      if (c == delimiter || c == '\n' || (c == '\r' && (pos + 1 >= end || t[pos + 1] == '\n'))) {
        break;
      }
      pos++;
    }
    return wanted ? new String(t, start, pos - start) : null;
  }

  private String quotedField(boolean wanted) {
    long startLine = line;
    int start = ++pos;
    boolean escaped = false;
    while (true) {
      if (pos >= end) {
        throw DataFiles.error(
            file,
            startLine,
            "a quoted field is never closed; check for a stray '\"' on this line, or set"
                + " data.quote: none if the file has no quoting");
      }
      char c = text[pos];
      if (c == CsvDialect.QUOTE) {
        if (pos + 1 < end && text[pos + 1] == CsvDialect.QUOTE) {
          escaped = true;
          pos += 2;
          continue;
        }
        break;
      }
      if (c == '\n') {
        line++;
      }
      pos++;
    }
    String value =
        !wanted ? null : escaped ? unescape(start, pos) : new String(text, start, pos - start);
    pos++;
    if (pos < end && text[pos] != delimiter && text[pos] != '\n' && text[pos] != '\r') {
      throw DataFiles.error(
          file,
          line,
          "unexpected '"
              + text[pos]
              + "' after a closing quote; "
              + "a quote inside a quoted field must be doubled (\"\"), or set data.quote: none"
              + " if the file has no quoting");
    }
    return value;
  }

  private String unescape(int start, int stop) {
    unescaped.setLength(0);
    for (int i = start; i < stop; i++) {
      unescaped.append(text[i]);
      if (text[i] == CsvDialect.QUOTE) {
        i++;
      }
    }
    return unescaped.toString();
  }
}
