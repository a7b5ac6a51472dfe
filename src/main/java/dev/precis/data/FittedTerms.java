package dev.precis.data;

import java.util.Arrays;

/**
 * The terms of the rows a text step was fitted on, as the fit met them, so that encoding those rows
 * does not split their texts again: by table row, each row's terms as their features, -1 for a term
 * the step did not keep. They live in memory only, for the table the step was fitted on.
 *
 * @param table the table the step was fitted on; rows of any other table are not these
 * @param rows the table rows, ascending
 * @param starts where each row's terms start in {@code features}; one more, where the last ends
 * @param features the terms, row after row, once per occurrence
 */
record FittedTerms(CsvTable table, int[] rows, int[] starts, int[] features) {
  /** The row's position in {@link #rows}, or -1 when it is not one of the fitted rows. */
  int find(CsvTable of, int row) {
    if (of != table) {
      return -1;
    }
    int at = Arrays.binarySearch(rows, row);
    return Math.max(at, -1);
  }
}
