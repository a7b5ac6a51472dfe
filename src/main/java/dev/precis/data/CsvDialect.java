package dev.precis.data;

/**
 * How a delimited file is written: the field delimiter and whether a header line names the columns.
 * Fields may be quoted with double quotes; a doubled quote inside is a literal quote.
 */
public record CsvDialect(char delimiter, boolean header) {
  public static final char QUOTE = '"';

  /** The delimiter as a user would write it in a config. */
  public String delimiterName() {
    return delimiter == '\t' ? "\\t" : String.valueOf(delimiter);
  }
}
