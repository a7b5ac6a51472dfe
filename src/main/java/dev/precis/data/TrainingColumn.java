package dev.precis.data;

import dev.precis.PrecisException;

/**
 * The raw values of one column in the training rows: what a step is fitted on, and nothing else of
 * the table. It also holds the rows' labels and the seed, for the one kind of step that learns from
 * the response (target encoding, which must encode each training row out-of-fold so that a row's
 * own label never reaches its feature); every other step ignores them.
 */
public final class TrainingColumn {
  private final CsvTable table;
  private final TableColumn values;
  private final int column;
  private final int[] rows;
  private final MissingValues missing;
  private final boolean[] labels;
  private final long seed;
  private final boolean hidden;

  /** A column whose steps may not look at the labels. */
  TrainingColumn(CsvTable table, int column, int[] rows, MissingValues missing) {
    this(table, column, rows, missing, null, 0, false);
  }

  /**
   * @param labels whether each of {@code rows} is a responder, or null when none may be read
   * @param seed what out-of-fold assignments are drawn from
   * @param hidden the column is personal (data.pii): its values are not shown in errors
   */
  TrainingColumn(
      CsvTable table,
      int column,
      int[] rows,
      MissingValues missing,
      boolean[] labels,
      long seed,
      boolean hidden) {
    this.hidden = hidden;
    this.table = table;
    this.values = table.column(column);
    this.column = column;
    this.rows = rows;
    this.missing = missing;
    this.labels = labels;
    this.seed = seed;
  }

  /** Whether each training row is a responder, in order (a copy). */
  public boolean[] labels() {
    if (labels == null) {
      throw new IllegalStateException("no labels were given for column '" + name() + "'");
    }
    return labels.clone();
  }

  public long seed() {
    return seed;
  }

  /** The table the rows come from; out-of-fold values are for its rows alone. */
  CsvTable table() {
    return table;
  }

  /** The table row of the i-th training row. */
  int row(int i) {
    return rows[i];
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
