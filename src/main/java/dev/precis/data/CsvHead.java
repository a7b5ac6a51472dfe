package dev.precis.data;

import dev.precis.PrecisException;
import dev.precis.config.DataConfig;
import dev.precis.io.StandardStreams;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A delimited file opened and its head read: the dialect (configured, or sniffed from a sample),
 * the column names, and the blocks of whole records still to read. Both the whole-file read ({@link
 * CsvTable}) and streaming scoring start here, so they read every file alike.
 */
public final class CsvHead implements AutoCloseable {
  private static final int SAMPLE_CHARS = 1 << 16;

  private final Path file;
  private final CsvDialect dialect;
  private final List<String> columns;
  private final BlockReader blocks;

  private CsvHead(Path file, CsvDialect dialect, List<String> columns, BlockReader blocks) {
    this.file = file;
    this.dialect = dialect;
    this.columns = columns;
    this.blocks = blocks;
  }

  /** Opens a file, sniffs its dialect and reads its header. */
  public static CsvHead open(Path file, DataConfig config) {
    return open(file, config, null);
  }

  /**
   * As {@link #open(Path, DataConfig)}, feeding the file's bytes to {@code digest} as they are
   * read.
   */
  public static CsvHead open(Path file, DataConfig config, java.security.MessageDigest digest) {
    Reader reader = DataFiles.open(file, config.charset(), digest);
    try {
      BufferedReader buffered = (BufferedReader) reader;
      skipBom(buffered);
      buffered.mark(SAMPLE_CHARS + 1);
      char[] sampled = new char[SAMPLE_CHARS];
      int n = buffered.read(sampled, 0, SAMPLE_CHARS);
      int more = buffered.read();
      buffered.reset();
      String sample = n <= 0 ? "" : new String(sampled, 0, n).stripLeading();
      if (sample.isEmpty()) {
        throw PrecisException.data(
            file
                + ": is empty; expected a header line and data rows "
                + "(check that the export that wrote it finished)");
      }
      boolean quoting = config.quote() == DataConfig.Quote.STANDARD;
      char delimiter =
          config.delimiterChar().isPresent()
              ? (char) config.delimiterChar().getAsInt()
              : DialectSniffer.delimiter(file, sample, more < 0, quoting);
      CsvDialect dialect =
          new CsvDialect(
              delimiter,
              config.header() != null
                  ? config.header()
                  : config.columns().isEmpty()
                      && DialectSniffer.header(file, sample, delimiter, quoting),
              quoting);
      BlockReader blocks = new BlockReader(buffered, delimiter, quoting, 1, 1 << 20);
      List<String> columns =
          dialect.header()
              ? readHeader(file, blocks, dialect)
              : named(file, numbered(file, sample, dialect), config.columns());
      return new CsvHead(file, dialect, columns, blocks);
    } catch (IOException e) {
      closeQuietly(reader);
      throw PrecisException.data(
          StandardStreams.name(file) + ": cannot read: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeQuietly(reader);
      throw e;
    }
  }

  public CsvDialect dialect() {
    return dialect;
  }

  public List<String> columns() {
    return columns;
  }

  /** The remaining blocks of whole records, for parallel parsing. */
  public BlockReader blocks() {
    return blocks;
  }

  /** Streams the data rows on this thread, checking each has one field per column. */
  public void forEachRow(RowConsumer consumer) {
    RecordParser parser = new RecordParser(file, dialect);
    String[] fields = new String[columns.size()];
    TextBlock block;
    while ((block = blocks.next()) != null) {
      parser.reset(block);
      int count;
      while ((count = parser.next(fields)) >= 0) {
        checkFieldCount(count, parser.line());
        consumer.accept(fields, parser.line());
      }
    }
  }

  /** A data error unless a record has exactly one field per column. */
  public void checkFieldCount(int count, long line) {
    if (count != columns.size()) {
      throw DataFiles.error(
          file,
          line,
          "expected "
              + columns.size()
              + " fields as in the header, found "
              + count
              + "; check the delimiter ('"
              + dialect.delimiterName()
              + "') and the quoting on this line"
              + (dialect.quoted()
                  ? " (data.quote: none reads a file written without quoting)"
                  : ""));
    }
  }

  @Override
  public void close() {
    closeQuietly(blocks);
  }

  private static void skipBom(BufferedReader reader) throws IOException {
    reader.mark(1);
    if (reader.read() != '\uFEFF') {
      reader.reset();
    }
  }

  private static List<String> readHeader(Path file, BlockReader blocks, CsvDialect dialect) {
    TextBlock first = blocks.next();
    RecordParser parser = new RecordParser(file, dialect);
    parser.reset(first);
    List<String> fields = parser.nextRecord();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < fields.size(); i++) {
      String name = fields.get(i).strip();
      if (name.isEmpty() || names.contains(name)) {
        throw DataFiles.error(
            file,
            1,
            (name.isEmpty()
                    ? "column " + (i + 1) + " has no name"
                    : "column '" + name + "' appears twice")
                + " in the header; every column needs a unique name");
      }
      names.add(name);
    }
    blocks.unread(first, parser.consumed());
    return List.copyOf(names);
  }

  /**
   * The names data.columns gives a headerless file's columns, one per field of its first row, or
   * the numbered names when it gives none.
   */
  private static List<String> named(Path file, List<String> numbered, List<String> names) {
    if (names.isEmpty()) {
      return numbered;
    }
    if (names.size() != numbered.size() || new java.util.HashSet<>(names).size() != names.size()) {
      throw PrecisException.data(
          StandardStreams.name(file)
              + ": data.columns names "
              + names.size()
              + " columns"
              + (names.size() == numbered.size() ? ", some twice," : "")
              + " but the first row has "
              + numbered.size()
              + " fields; give one unique name per field");
    }
    return List.copyOf(names);
  }

  private static List<String> numbered(Path file, String sample, CsvDialect dialect) {
    int count =
        DialectSniffer.firstRecord(file, sample, dialect.delimiter(), dialect.quoted()).size();
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      names.add("col" + i);
    }
    return List.copyOf(names);
  }

  /** Receives each row's fields (a reused array) and the line it starts on. */
  @FunctionalInterface
  public interface RowConsumer {
    void accept(String[] fields, long line);
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      throw new UncheckedIOException(new IOException(e));
    }
  }
}
