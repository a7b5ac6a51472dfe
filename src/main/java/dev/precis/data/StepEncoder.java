package dev.precis.data;

/**
 * Writes one step's features of a row. Not thread-safe: each {@link RowEncoder} holds its own, so
 * one may keep counts or buffers.
 */
@FunctionalInterface
public interface StepEncoder {
  /**
   * Puts the step's nonzero features of one row into {@code out}, in ascending feature order;
   * {@link RowEncoder} closes the row.
   *
   * @throws RowEncoder.BadValue when a field cannot be encoded (a number that is not one)
   */
  void encode(String[] fields, SparseRows out);

  /**
   * Says which row of which table the next {@link #encode} call is about, for the rows a pipeline
   * was fitted on: target encoding gives those rows out-of-fold values (see {@link TargetStep}),
   * which no field of theirs could tell it. Only {@link EncodedData} calls it; other steps ignore
   * it.
   */
  default void atRow(CsvTable table, int row) {}

  /** Values met that the step was not fitted on and could not place; 0 for most steps. */
  default long unseenLevels() {
    return 0;
  }
}
