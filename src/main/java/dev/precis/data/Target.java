package dev.precis.data;

import dev.precis.PrecisException;
import java.util.ArrayList;
import java.util.List;
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
 */
public record Target(
    String column, String positive, int[] rows, boolean[] labels, Map<String, Long> counts) {

  /**
   * Reads the target column. With no configured positive value the minority class is positive
   * (ties: the later value in sort order, so that "yes" beats "no" and "1" beats "0").
   */
  public static Target read(CsvTable table, String column, String positive, MissingValues missing) {
    int c = table.indexOf(column, "data.target");
    Map<String, Long> counts = new TreeMap<>();
    List<String> values = new ArrayList<>();
    List<Integer> labelled = new ArrayList<>();
    LabelReader reading = new LabelReader(missing, positive);
    for (int r = 0; r < table.rows().size(); r++) {
      String value = reading.value(table.rows().get(r)[c]);
      if (value != null) {
        counts.merge(value, 1L, Long::sum);
        values.add(value);
        labelled.add(r);
      }
    }
    LabelReader reader = new LabelReader(missing, choosePositive(table, column, positive, counts));
    int[] rows = labelled.stream().mapToInt(Integer::intValue).toArray();
    boolean[] labels = new boolean[rows.length];
    for (int i = 0; i < rows.length; i++) {
      labels[i] = reader.isPositive(values.get(i));
    }
    return new Target(column, reader.positive(), rows, labels, counts);
  }

  private static String choosePositive(
      CsvTable table, String column, String positive, Map<String, Long> counts) {
    String where = table.file() + ": target column '" + column + "'";
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
    long n = 0;
    for (boolean label : labels) {
      if (label) {
        n++;
      }
    }
    return n;
  }
}
