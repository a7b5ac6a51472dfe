package dev.precis.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How many rows hold each target value, so that a message can say what a file's labels really are.
 * Bounded: it keeps the first {@value #KEPT} distinct values and counts the rows with any other
 * together. Not thread-safe: one per block of a file, added up in file order. Serializable, for the
 * partitions of a Spark job.
 */
public final class LabelTally implements java.io.Serializable {
  private static final long serialVersionUID = 1L;
  private static final int KEPT = 20;
  private final String positive;
  private final Map<String, Long> counts = new LinkedHashMap<>();
  private long otherRows;

  /**
   * @param positive the value that marks a response in the file being read
   */
  public LabelTally(String positive) {
    this.positive = positive;
  }

  public String positive() {
    return positive;
  }

  /** Counts one row's label, as {@link LabelReader#value} returned it. */
  public void add(String value) {
    add(value, 1);
  }

  private void add(String value, long rows) {
    if (counts.containsKey(value) || counts.size() < KEPT) {
      counts.merge(value, rows, Long::sum);
    } else {
      otherRows += rows;
    }
  }

  /** Adds another tally's rows to this one. */
  public void addAll(LabelTally other) {
    other.counts.forEach(this::add);
    otherRows += other.otherRows;
  }

  /** The value every row holds, or null when rows hold different values (or there are none). */
  public String onlyValue() {
    return counts.size() == 1 && otherRows == 0 ? counts.keySet().iterator().next() : null;
  }

  /** "YES 120, NO 3999": each value kept with its rows, most frequent first. */
  public String describe() {
    List<Map.Entry<String, Long>> entries = new ArrayList<>(counts.entrySet());
    entries.sort(Map.Entry.<String, Long>comparingByValue().reversed());
    List<String> parts = new ArrayList<>();
    entries.forEach(e -> parts.add(e.getKey() + " " + e.getValue()));
    if (otherRows > 0) {
      parts.add("other values " + otherRows);
    }
    return String.join(", ", parts);
  }
}
