package dev.precis.data;

import dev.precis.PrecisException;
import dev.precis.config.DataConfig;
import dev.precis.io.InputFile;
import dev.precis.io.Sha256;
import dev.precis.io.StandardStreams;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;

/**
 * A delimited file read whole into memory, every row checked to have as many fields as the header.
 * For training-sized data; scoring streams instead (see {@link BlockReader}). Each column is kept
 * as codes into its distinct values (see {@link TableColumn}), so a row exists only as a view: read
 * a field with {@link #value}, or a whole row into a reused array with {@link #readRow}.
 */
public final class CsvTable {
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
            StandardStreams.name(file)
                + ": has a header but no data rows; check that the export that wrote it finished");
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

  /** The same table with one column's values replaced (same rows, same lines). */
  CsvTable withColumn(int column, TableColumn values) {
    TableColumn[] replaced = data.clone();
    replaced[column] = values;
    return new CsvTable(file, dialect, columns, replaced, lines, sha256);
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
}
