package dev.precis.data;

import dev.precis.PrecisException;
import dev.precis.config.DataConfig;
import dev.precis.io.InputFile;
import dev.precis.io.Sha256;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A delimited file read whole into memory, every row checked to have as many fields as the header.
 * For training-sized data; scoring streams instead (see {@link BlockReader}). Each column is kept
 * as codes into its distinct values (see {@link TableColumn}), so a row exists only as a view: read
 * a field with {@link #value}, or a whole row into a reused array with {@link #readRow}.
 */
public final class CsvTable {
  private static final int SAMPLE_CHARS = 1 << 16;

  private final Path file;
  private final CsvDialect dialect;
  private final List<String> columns;
  private final TableColumn[] data;
  private final long[] lines;
  private final String sha256;

  private CsvTable(
      Path file,
      CsvDialect dialect,
      List<String> columns,
      TableColumn[] data,
      long[] lines,
      String sha256) {
    this.file = file;
    this.dialect = dialect;
    this.columns = columns;
    this.data = data;
    this.lines = lines;
    this.sha256 = sha256;
  }

  /**
   * Reads a whole file, or standard input for {@code -}, sniffing what the config leaves to "auto".
   */
  public static CsvTable read(Path file, DataConfig config) {
    MessageDigest digest = Sha256.newDigest();
    try (CsvHead head = CsvHead.open(file, config, digest)) {
      TableColumn.Builder[] builders = new TableColumn.Builder[head.columns().size()];
      Arrays.setAll(builders, c -> new TableColumn.Builder());
      long[][] lines = {new long[1024]};
      int[] rows = {0};
      head.forEachRow(
          (fields, line) -> {
            if (rows[0] == lines[0].length) {
              lines[0] = Arrays.copyOf(lines[0], 2 * rows[0]);
            }
            lines[0][rows[0]++] = line;
            for (int c = 0; c < builders.length; c++) {
              builders[c].add(fields[c]);
            }
          });
      if (rows[0] == 0) {
        throw PrecisException.data(
            file + ": has a header but no data rows; check that the export that wrote it finished");
      }
      TableColumn[] data = new TableColumn[builders.length];
      for (int c = 0; c < builders.length; c++) {
        data[c] = builders[c].build();
        builders[c] = null;
      }
      return new CsvTable(
          file,
          head.dialect(),
          head.columns(),
          data,
          Arrays.copyOf(lines[0], rows[0]),
          Sha256.hex(digest));
    }
  }

  /** Where it was read from, for messages. */
  public Path file() {
    return file;
  }

  /** The delimiter and header found or configured. */
  public CsvDialect dialect() {
    return dialect;
  }

  /** Column names (from the header, or col1..colN). */
  public List<String> columns() {
    return columns;
  }

  /** How many data rows there are. */
  public int rowCount() {
    return lines.length;
  }

  /** The values of one column. */
  public TableColumn column(int column) {
    return data[column];
  }

  /** A row's field in a column, as read. */
  public String value(int row, int column) {
    return data[column].value(row);
  }

  /** Puts a row's fields into {@code fields} (one per column), for an encoder that reads rows. */
  public void readRow(int row, String[] fields) {
    for (int c = 0; c < data.length; c++) {
      fields[c] = data[c].value(row);
    }
  }

  /** A new array of a row's fields: for a look at one row, not for a loop over the table. */
  public String[] row(int row) {
    String[] fields = new String[data.length];
    readRow(row, fields);
    return fields;
  }

  /** The physical line on which each row starts. */
  public long[] lines() {
    return lines;
  }

  /** The SHA-256 of the bytes read, taken during the single read (stdin cannot be read twice). */
  public String sha256() {
    return sha256;
  }

  /** The file as a report names it: its path and the digest taken during the single read. */
  public InputFile input() {
    return new InputFile(file.toString(), sha256);
  }

  /** Index of a column, or a data error naming the closest column when it is absent. */
  public int indexOf(String column, String role) {
    int index = columns.indexOf(column);
    if (index < 0) {
      throw missingColumn(file, column, role, columns);
    }
    return index;
  }

  static PrecisException missingColumn(
      Path file, String column, String role, List<String> columns) {
    return PrecisException.data(
        file
            + ":1: no column '"
            + column
            + "' ("
            + role
            + ")"
            + dev.precis.Nearest.hint(column, columns)
            + "; the file has: "
            + abbreviate(columns));
  }

  private static String abbreviate(List<String> columns) {
    return columns.size() <= 25
        ? String.join(", ", columns)
        : String.join(", ", columns.subList(0, 25)) + ", … (" + columns.size() + " columns)";
  }

  /** The dialect and column names of a file, and a way to stream its rows. */
  public static final class CsvHead implements AutoCloseable {
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
        char delimiter =
            config.delimiterChar().isPresent()
                ? (char) config.delimiterChar().getAsInt()
                : DialectSniffer.delimiter(file, sample, more < 0);
        boolean header =
            config.header() != null
                ? config.header()
                : DialectSniffer.header(file, sample, delimiter);
        CsvDialect dialect = new CsvDialect(delimiter, header);
        BlockReader blocks = new BlockReader(buffered, delimiter, 1, 1 << 20);
        List<String> columns =
            header ? readHeader(file, blocks, delimiter) : numbered(file, sample, delimiter);
        return new CsvHead(file, dialect, columns, blocks);
      } catch (IOException e) {
        CsvTable.close(reader);
        throw PrecisException.data(file + ": cannot read: " + e.getMessage(), e);
      } catch (RuntimeException e) {
        CsvTable.close(reader);
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
      RecordParser parser = new RecordParser(file, dialect.delimiter());
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
                + "') and the quoting on this line");
      }
    }

    @Override
    public void close() {
      CsvTable.close(blocks);
    }

    private static void skipBom(BufferedReader reader) throws IOException {
      reader.mark(1);
      if (reader.read() != '\uFEFF') {
        reader.reset();
      }
    }

    private static List<String> readHeader(Path file, BlockReader blocks, char delimiter) {
      TextBlock first = blocks.next();
      RecordParser parser = new RecordParser(file, delimiter);
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

    private static List<String> numbered(Path file, String sample, char delimiter) {
      int count = DialectSniffer.firstRecord(file, sample, delimiter).size();
      List<String> names = new ArrayList<>();
      for (int i = 1; i <= count; i++) {
        names.add("col" + i);
      }
      return List.copyOf(names);
    }
  }

  /** Receives each row's fields (a reused array) and the line it starts on. */
  @FunctionalInterface
  public interface RowConsumer {
    void accept(String[] fields, long line);
  }

  private static void close(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      throw new UncheckedIOException(new IOException(e));
    }
  }
}
