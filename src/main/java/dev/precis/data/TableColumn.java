package dev.precis.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One column of a table read whole: each row holds a code into the column's distinct values, as a
 * byte while there are at most 256 of them and as a short up to {@value #LIMIT}. A million rows of
 * a column with a few hundred values then cost a megabyte, not a reference and a string per row. A
 * column with more distinct values (an identifier, free text) keeps each row's string instead,
 * since its dictionary would cost more than it saves: it reads as a column whose every row is a
 * level of its own. Immutable once built, and safe to read from several threads.
 */
public final class TableColumn {
  static final int LIMIT = 1 << 16;
  private static final int BYTE_LEVELS = 1 << 8;

  private final String[] levels;
  private final byte[] bytes;
  private final short[] shorts;
  private final int size;
  // parsed on first use, once per level; a race only parses twice, never publishes half an array
  private volatile double[] numbers;

  private TableColumn(String[] levels, byte[] bytes, short[] shorts, int size) {
    this.levels = levels;
    this.bytes = bytes;
    this.shorts = shorts;
    this.size = size;
  }

  /** How many rows the column has. */
  public int size() {
    return size;
  }

  /** How many levels there are: the distinct values, or the rows of an uncoded column. */
  public int levelCount() {
    return levels.length;
  }

  /** The level of a row, an index below {@link #levelCount()}. */
  public int code(int row) {
    if (bytes != null) {
      return bytes[row] & 0xFF;
    }
    return shorts != null ? shorts[row] & 0xFFFF : row;
  }

  /** The value a level stands for, as read from the file. */
  public String level(int code) {
    return levels[code];
  }

  /** A row's field as read from the file. */
  public String value(int row) {
    return levels[code(row)];
  }

  /** The number a level's value holds once stripped, or NaN when it holds none. */
  public double number(int code) {
    double[] parsed = numbers;
    if (parsed == null) {
      parsed = new double[levels.length];
      for (int k = 0; k < parsed.length; k++) {
        parsed[k] = Numbers.parseOrNaN(levels[k].strip());
      }
      numbers = parsed;
    }
    return parsed[code];
  }

  /**
   * The column with each value changed by {@code change}, called once a level (once a row in an
   * uncoded column): how data.pii masks or hashes a column before anything reads it.
   */
  TableColumn map(java.util.function.UnaryOperator<String> change) {
    String[] changed = new String[levels.length];
    Builder builder = new Builder();
    for (int r = 0; r < size; r++) {
      int code = code(r);
      if (changed[code] == null) {
        changed[code] = change.apply(levels[code]);
      }
      builder.add(changed[code]);
    }
    return builder.build();
  }

  /** Collects a column's values row by row, choosing the narrowest codes that hold them. */
  static final class Builder {
    private Map<String, Integer> index = new HashMap<>();
    private List<String> levels = new ArrayList<>();
    private byte[] bytes = new byte[1024];
    private short[] shorts;
    private String[] plain;
    private int size;

    void add(String value) {
      if (plain != null) {
        if (size == plain.length) {
          plain = Arrays.copyOf(plain, 2 * size);
        }
        plain[size++] = value;
        return;
      }
      Integer code = index.get(value);
      if (code == null) {
        if (levels.size() == LIMIT) {
          uncode();
          add(value);
          return;
        }
        code = levels.size();
        index.put(value, code);
        levels.add(value);
        if (code == BYTE_LEVELS) {
          widen();
        }
      }
      if (shorts != null) {
        if (size == shorts.length) {
          shorts = Arrays.copyOf(shorts, 2 * size);
        }
        shorts[size++] = (short) (int) code;
      } else {
        if (size == bytes.length) {
          bytes = Arrays.copyOf(bytes, 2 * size);
        }
        bytes[size++] = (byte) (int) code;
      }
    }

    private void widen() {
      shorts = new short[bytes.length];
      for (int i = 0; i < size; i++) {
        shorts[i] = (short) (bytes[i] & 0xFF);
      }
      bytes = null;
    }

    private void uncode() {
      String[] values = new String[Math.max(1, 2 * size)];
      for (int i = 0; i < size; i++) {
        values[i] = levels.get(shorts[i] & 0xFFFF);
      }
      plain = values;
      shorts = null;
      index = null;
      levels = null;
    }

    TableColumn build() {
      if (plain != null) {
        return new TableColumn(Arrays.copyOf(plain, size), null, null, size);
      }
      String[] values = levels.toArray(String[]::new);
      return shorts != null
          ? new TableColumn(values, null, Arrays.copyOf(shorts, size), size)
          : new TableColumn(values, Arrays.copyOf(bytes, size), null, size);
    }
  }
}
