package dev.precis.data;

import java.util.Arrays;
import java.util.List;

/**
 * Rows of features with only their nonzero values stored (compressed sparse rows), so a row costs
 * memory by what it holds, not by how many features there are: a 50,000-term vocabulary or hashed
 * features cost a few entries per row. A row is built with {@link #put} calls in ascending feature
 * order and closed with {@link #endRow}; an absent feature is 0. Not thread-safe.
 */
public final class SparseRows {
  private final int width;
  private int rows;

  /** Row r's entries are [rowStart[r], rowStart[r + 1]); rowStart[rows] ends the closed rows. */
  private int[] rowStart;

  private int[] feature;
  private double[] value;
  private int size;

  /** No rows yet, of {@code width} features. */
  public SparseRows(int width) {
    this(width, 16, 64);
  }

  private SparseRows(int width, int rowCapacity, int entryCapacity) {
    this.width = width;
    this.rowStart = new int[rowCapacity + 1];
    this.feature = new int[entryCapacity];
    this.value = new double[entryCapacity];
  }

  /** How many features a row has, present or not. */
  public int width() {
    return width;
  }

  public int rows() {
    return rows;
  }

  /** The first entry of a row; its entries run to {@link #end}. */
  public int start(int row) {
    return rowStart[row];
  }

  public int end(int row) {
    return rowStart[row + 1];
  }

  /** The feature index of an entry. */
  public int feature(int entry) {
    return feature[entry];
  }

  public double value(int entry) {
    return value[entry];
  }

  /**
   * Sets a feature of the row being built; a zero is not stored.
   *
   * @throws IllegalArgumentException when the feature is out of range or not after the row's last
   */
  public void put(int f, double v) {
    int open = rowStart[rows];
    if (f < 0 || f >= width || (size > open && feature[size - 1] >= f)) {
      throw new IllegalArgumentException("feature " + f + " out of order or range");
    }
    if (v == 0.0) {
      return;
    }
    if (size == feature.length) {
      int capacity = Math.max(16, size + (size >> 1));
      feature = Arrays.copyOf(feature, capacity);
      value = Arrays.copyOf(value, capacity);
    }
    feature[size] = f;
    value[size++] = v;
  }

  /** Closes the row being built: the values put since the last row make one row. */
  public void endRow() {
    if (rows + 1 == rowStart.length) {
      rowStart = Arrays.copyOf(rowStart, rowStart.length + (rowStart.length >> 1) + 1);
    }
    rowStart[++rows] = size;
  }

  /** Forgets the values put since the last {@link #endRow}. */
  public void dropRow() {
    size = rowStart[rows];
  }

  /** Forgets every row, keeping the memory for the next ones. */
  public void clear() {
    rows = 0;
    size = 0;
  }

  /**
   * The rows' own arrays, for a loop over every entry that would otherwise make a call per entry.
   * They may run past the rows' entries.
   *
   * @param rows how many rows
   * @param starts where each row's entries start; {@code starts[rows]}, where the last row's end
   * @param features each entry's feature, ascending within a row
   * @param values each entry's value, never 0
   */
  public record Csr(int rows, int[] starts, int[] features, double[] values) {}

  /** The rows' own arrays, not copied: valid while no row is added, and not to be written to. */
  public Csr arrays() {
    return new Csr(rows, rowStart, feature, value);
  }

  /** Writes a row's values into {@code out} (length {@link #width()}), zeros included. */
  public void dense(int row, double[] out) {
    Arrays.fill(out, 0.0);
    for (int k = rowStart[row]; k < rowStart[row + 1]; k++) {
      out[feature[k]] = value[k];
    }
  }

  /** The rows at the given indices, in that order. */
  public SparseRows subset(int[] indices) {
    int entries = 0;
    for (int r : indices) {
      entries += end(r) - start(r);
    }
    SparseRows out = new SparseRows(width, indices.length, entries);
    for (int r : indices) {
      out.append(this, r);
    }
    return out;
  }

  /** These rows followed by {@code more}'s, which must have the same width. */
  public SparseRows concat(SparseRows more) {
    return join(width, List.of(this, more));
  }

  /** The rows of each of {@code parts} in turn; each must have {@code width} features. */
  public static SparseRows join(int width, List<SparseRows> parts) {
    int rows = 0;
    int size = 0;
    for (SparseRows part : parts) {
      if (part.width != width) {
        throw new IllegalArgumentException("rows of " + part.width + " features, not " + width);
      }
      rows += part.rows;
      size += part.size;
    }
    SparseRows out = new SparseRows(width, rows, size);
    for (SparseRows part : parts) {
      System.arraycopy(part.feature, 0, out.feature, out.size, part.size);
      System.arraycopy(part.value, 0, out.value, out.size, part.size);
      for (int r = 1; r <= part.rows; r++) {
        out.rowStart[out.rows + r] = out.size + part.rowStart[r];
      }
      out.rows += part.rows;
      out.size += part.size;
    }
    return out;
  }

  /** A copy without the spare capacity that growing left: what a finished set of rows keeps. */
  public SparseRows trimmed() {
    SparseRows out = new SparseRows(width, rows, size);
    System.arraycopy(rowStart, 0, out.rowStart, 0, rows + 1);
    System.arraycopy(feature, 0, out.feature, 0, size);
    System.arraycopy(value, 0, out.value, 0, size);
    out.rows = rows;
    out.size = size;
    return out;
  }

  private void append(SparseRows from, int row) {
    int n = from.end(row) - from.start(row);
    System.arraycopy(from.feature, from.start(row), feature, size, n);
    System.arraycopy(from.value, from.start(row), value, size, n);
    size += n;
    rowStart[++rows] = size;
  }
}
