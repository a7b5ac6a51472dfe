package dev.precis.data;

/**
 * How a delimited file is written: the field delimiter, whether a header line names the columns,
 * and whether fields may be quoted with double quotes (a doubled quote inside is a literal quote).
 * Without quoting (data.quote: none) a double quote is an ordinary character, and no field holds a
 * delimiter or a line break.
 */
public record CsvDialect(char delimiter, boolean header, boolean quoted) {
  public static final char QUOTE = '"';

  /** A dialect with standard quoting. */
  public CsvDialect(char delimiter, boolean header) {
    this(delimiter, header, true);
  }

  /** The delimiter as a user would write it in a config. */
  public String delimiterName() {
    return delimiter == '\t' ? "\\t" : String.valueOf(delimiter);
  }
}
