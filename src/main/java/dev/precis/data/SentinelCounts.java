package dev.precis.data;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * How many rows of a file hold one of their column's sentinels (prep.missing.sentinels), for the
 * prep report: the number of values that were read as missing though the file holds a number.
 */
public final class SentinelCounts {
  private SentinelCounts() {}

  /**
   * @return the count per column named in {@code sentinels} that the table has, by column name
   */
  public static Map<String, Long> of(CsvTable table, Map<String, List<Double>> sentinels) {
    Map<String, Long> counts = new TreeMap<>();
    sentinels.forEach(
        (name, values) -> {
          int c = table.columns().indexOf(name);
          if (c < 0) {
            return;
          }
          Set<Double> numbers = new HashSet<>();
          values.forEach(v -> numbers.add(v + 0.0));
          TableColumn column = table.column(c);
          long count = 0;
          for (int row = 0; row < column.size(); row++) {
            if (numbers.contains(column.number(column.code(row)) + 0.0)) {
              count++;
            }
          }
          counts.put(name, count);
        });
    return counts;
  }
}
