package dev.precis.model;

import dev.precis.data.FeatureColumns;
import dev.precis.data.FeaturePipeline;
import dev.precis.data.SparseRows;
import java.util.List;

/**
 * The K strongest reasons for each row's score: the columns whose contributions to the model's raw
 * score (see {@link Explainer}) are largest in size, each written as {@code column=value (+0.42)}.
 * The value of a column declared personal (data.pii: hash or mask) or of the id column is never
 * written, only the column's name: {@code phone (+0.12)}. Values are written as read, with line
 * breaks made spaces and cut at {@link #MAX_VALUE} characters. A column contributing exactly 0 is
 * no reason; a row with fewer than K reasons has empty ones. Thread-safe.
 */
public final class Reasons {
  /** Characters of a value written before it is cut with "...". */
  static final int MAX_VALUE = 40;

  private final Explainer explainer;
  private final FeatureColumns columns;
  private final int count;
  private final int[][] fields;
  private final boolean[] hidden;

  /**
   * @param count reasons per row
   * @param names the names of the rows' fields, in order
   */
  Reasons(ModelBundle bundle, int count, List<String> names) {
    FeaturePipeline pipeline = bundle.pipeline();
    this.explainer = bundle.explainer();
    this.columns = FeatureColumns.of(pipeline);
    this.count = count;
    this.fields = new int[columns.size()][];
    this.hidden = new boolean[columns.size()];
    for (int c = 0; c < columns.size(); c++) {
      List<String> inputs = columns.inputs().get(c);
      fields[c] = inputs.stream().mapToInt(names::indexOf).toArray();
      for (String input : inputs) {
        // a prepared part holds features, not the column's values: its reasons name the column
        hidden[c] |=
            input.equals(pipeline.id()) || pipeline.pii().hides(input) || !names.contains(input);
      }
    }
  }

  /**
   * Each column's value in a row's fields as read, for {@link #of}; null for a hidden column. Only
   * the values of the reasons chosen are cleaned for writing, so a row costs no more than this.
   */
  String[] values(String[] row) {
    String[] values = new String[fields.length];
    for (int c = 0; c < fields.length; c++) {
      if (hidden[c]) {
        continue;
      }
      if (fields[c].length == 1) {
        values[c] = row[fields[c][0]] == null ? "" : row[fields[c][0]];
      } else {
        StringBuilder value = new StringBuilder();
        for (int i = 0; i < fields[c].length; i++) {
          String field = row[fields[c][i]];
          value.append(i == 0 ? "" : "/").append(field == null ? "" : field);
        }
        values[c] = value.toString();
      }
    }
    return values;
  }

  private static String shown(String value) {
    String flat = value.replace('\r', ' ').replace('\n', ' ');
    return flat.length() <= MAX_VALUE ? flat : flat.substring(0, MAX_VALUE) + "...";
  }

  /** rows[0..n)'s reasons, {@code count} per row, from their {@link #values}. */
  String[][] of(SparseRows rows, int n, String[][] values) {
    double[][] contributions = new double[n][columns.size()];
    explainer.contributions(rows, n, columns, contributions);
    String[][] reasons = new String[n][];
    for (int r = 0; r < n; r++) {
      reasons[r] = strongest(contributions[r], values[r]);
    }
    return reasons;
  }

  /** The value to 2 decimals with its sign, as %+.2f writes it, without a Formatter per row. */
  static String signed(double value) {
    long hundredths = Math.round(Math.abs(value) * 100);
    String sign = value < 0 && hundredths > 0 ? "-" : "+";
    long cents = hundredths % 100;
    return sign + hundredths / 100 + (cents < 10 ? ".0" : ".") + cents;
  }

  private String[] strongest(double[] contributions, String[] values) {
    String[] reasons = new String[count];
    boolean[] taken = new boolean[contributions.length];
    for (int k = 0; k < count; k++) {
      int best = -1;
      for (int c = 0; c < contributions.length; c++) {
        if (!taken[c]
            && contributions[c] != 0
            && (best < 0 || Math.abs(contributions[c]) > Math.abs(contributions[best]))) {
          best = c;
        }
      }
      if (best < 0) {
        reasons[k] = "";
        continue;
      }
      taken[best] = true;
      String name = columns.names().get(best);
      reasons[k] =
          (values[best] == null ? name : name + "=" + shown(values[best]))
              + " ("
              + signed(contributions[best])
              + ")";
    }
    return reasons;
  }
}
