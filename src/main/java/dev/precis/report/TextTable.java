package dev.precis.report;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table for terminal summaries: a header row, right-aligned numbers. */
public final class TextTable {
  private final List<String[]> rows = new ArrayList<>();

  public TextTable(String... header) {
    rows.add(header);
  }

  public TextTable row(Object... cells) {
    String[] text = new String[cells.length];
    for (int i = 0; i < cells.length; i++) {
      text[i] = String.valueOf(cells[i]);
    }
    rows.add(text);
    return this;
  }

  @Override
  public String toString() {
    int columns = rows.get(0).length;
    int[] widths = new int[columns];
    for (String[] row : rows) {
      for (int c = 0; c < columns; c++) {
        widths[c] = Math.max(widths[c], row[c].length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (String[] row : rows) {
      out.append(' ');
      for (int c = 0; c < columns; c++) {
        out.append(' ').append(" ".repeat(widths[c] - row[c].length())).append(row[c]);
      }
      out.append('\n');
    }
    return out.toString();
  }
}
