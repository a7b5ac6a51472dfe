package dev.precis.data;

import java.util.HashMap;
import java.util.Map;

/**
 * Keeps one instance of each distinct value of a column, so that a table of a million rows whose
 * columns hold a few hundred distinct values each holds a few thousand strings, not twenty million.
 * A column with more than {@value #LIMIT} distinct values (an identifier, free text) stops being
 * shared: its dictionary would cost more than it saves. Not thread-safe.
 */
final class FieldDictionary {
  private static final int LIMIT = 1 << 16;
  private final Map<String, String>[] columns;

  @SuppressWarnings("unchecked")
  FieldDictionary(int columns) {
    this.columns = new Map[columns];
    for (int c = 0; c < columns; c++) {
      this.columns[c] = new HashMap<>();
    }
  }

  /** A copy of a row's fields, each the instance kept for its value. */
  String[] shared(String[] fields) {
    String[] out = new String[fields.length];
    for (int c = 0; c < fields.length; c++) {
      Map<String, String> values = columns[c];
      if (values == null) {
        out[c] = fields[c];
        continue;
      }
      String kept = values.putIfAbsent(fields[c], fields[c]);
      out[c] = kept != null ? kept : fields[c];
      if (values.size() > LIMIT) {
        columns[c] = null;
      }
    }
    return out;
  }
}
