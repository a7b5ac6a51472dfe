package dev.precis.data;

import dev.precis.PrecisException;

/**
 * The raw values of one column in the training rows: what a step is fitted on, and nothing else of
 * the table.
 */
public final class TrainingColumn {
  private final CsvTable table;
  private final TableColumn values;
  private final int column;
  private final int[] rows;
  private final MissingValues missing;
  private final boolean hidden;

  TrainingColumn(CsvTable table, int column, int[] rows, MissingValues missing) {
    this(table, column, rows, missing, false);
  }

  /**
   * @param hidden the column is personal (data.pii): its values are not shown in errors
   */
  TrainingColumn(CsvTable table, int column, int[] rows, MissingValues missing, boolean hidden) {
    this.hidden = hidden;
    this.table = table;
    this.values = table.column(column);
    this.column = column;
    this.rows = rows;
    this.missing = missing;
  }

  public String name() {
    return table.columns().get(column);
  }

  /** How many training rows there are. */
  public int size() {
    return rows.length;
  }

  /** The field of the i-th training row, as read. */
  public String value(int i) {
    return values.value(rows[i]);
  }

  /** The number the i-th training row's field holds once stripped, or NaN; parsed once a value. */
  public double number(int i) {
    return values.number(values.code(rows[i]));
  }

  /** Whether the i-th training row's field is blank or a missing token. */
  public boolean isMissing(int i) {
    return missing.isMissing(value(i));
  }

  /**
   * A data error located at the file line of the i-th training row. Of a personal column, the row's
   * value quoted in the message is replaced by words: every fitter's message stays as it wrote it.
   */
  public PrecisException error(int i, String message) {
    String shown = hidden ? message.replace("'" + value(i) + "'", PersonalData.NOT_SHOWN) : message;
    return DataFiles.error(table.file(), table.lines()[rows[i]], shown);
  }
}
