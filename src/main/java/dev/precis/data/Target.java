package dev.precis.data;

import dev.precis.PrecisException;
import dev.precis.io.StandardStreams;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The binary response read from the target column: which value is the positive class and, for each
 * row with a label, whether it is positive. Rows whose label is missing are left out.
 *
 * @param column the target column
 * @param positive the value that counts as a response
 * @param rows indices of the table rows that have a label
 * @param labels for each of those rows, whether it is positive
 * @param counts how many rows hold each target value
 * @param treated under task uplift, for each of those rows whether it is in the treated arm (else
 *     the control arm); null for a response
 * @param otherArms under task uplift, the rows of each treatment value in neither arm, skipped;
 *     empty for a response
 */
public record Target(
    String column,
    String positive,
    int[] rows,
    boolean[] labels,
    Map<String, Long> counts,
    boolean[] treated,
    Map<String, Long> otherArms) {

  /** A response target. */
  public Target(
      String column, String positive, int[] rows, boolean[] labels, Map<String, Long> counts) {
    this(column, positive, rows, labels, counts, null, Map.of());
  }

  /**
   * Reads the target column. With no configured positive value the minority class is positive
   * (ties: the later value in sort order, so that "yes" beats "no" and "1" beats "0").
   */
  public static Target read(CsvTable table, String column, String positive, MissingValues missing) {
    TableColumn field = table.column(table.indexOf(column, "data.target"));
    LabelReader reading = new LabelReader(missing, positive);
    // labels read once per distinct value, counted per value before being named
    String[] labelOf = new String[field.levelCount()];
    long[] perLevel = new long[labelOf.length];
    for (int k = 0; k < labelOf.length; k++) {
      labelOf[k] = reading.value(field.level(k));
    }
    int[] rows = new int[table.rowCount()];
    int n = 0;
    for (int r = 0; r < rows.length; r++) {
      int code = field.code(r);
      if (labelOf[code] != null) {
        perLevel[code]++;
        rows[n++] = r;
      }
    }
    rows = Arrays.copyOf(rows, n);
    Map<String, Long> counts = new TreeMap<>();
    for (int k = 0; k < labelOf.length; k++) {
      if (perLevel[k] > 0) {
        counts.merge(labelOf[k], perLevel[k], Long::sum);
      }
    }
    LabelReader reader = new LabelReader(missing, choosePositive(table, column, positive, counts));
    boolean[] labels = new boolean[n];
    for (int i = 0; i < n; i++) {
      labels[i] = reader.isPositive(labelOf[field.code(rows[i])]);
    }
    return new Target(column, reader.positive(), rows, labels, counts);
  }

  private static String choosePositive(
      CsvTable table, String column, String positive, Map<String, Long> counts) {
    String where = StandardStreams.name(table.file()) + ": target column '" + column + "'";
    if (counts.size() < 2) {
      throw PrecisException.data(
          where
              + (counts.isEmpty()
                  ? " is empty"
                  : " has a single value '" + counts.keySet().iterator().next() + "'")
              + "; a response model needs both responders and non-responders");
    }
    if (positive != null) {
      if (!counts.containsKey(positive)) {
        throw PrecisException.data(
            where
                + " has no value '"
                + positive
                + "' (data.positive)"
                + dev.precis.Nearest.hint(positive, counts.keySet())
                + "; its values are: "
                + String.join(", ", counts.keySet()));
      }
      return positive;
    }
    if (counts.size() > 2) {
      throw PrecisException.data(
          where
              + " has "
              + counts.size()
              + " values ("
              + String.join(", ", counts.keySet())
              + "); say which one is the response with --positive VALUE or data.positive");
    }
    String minority = null;
    for (Map.Entry<String, Long> entry : counts.entrySet()) {
      if (minority == null || entry.getValue() <= counts.get(minority)) {
        minority = entry.getKey();
      }
    }
    return minority;
  }

  public long positives() {
    return Splits.positives(labels);
  }
}
