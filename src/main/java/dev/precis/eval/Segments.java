package dev.precis.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Metrics per value of one raw column (eval --by): does the model rank as well in every channel,
 * region or product as it does overall?
 *
 * @param column the segment column
 * @param segments one per value met, the largest first (ties by value); the rows where the column
 *     is missing form the segment of value null
 */
public record Segments(String column, List<SegmentMetrics> segments) {

  public Segments {
    segments = List.copyOf(segments);
  }

  /**
   * Splits the scored rows by their value of the column and measures each part.
   *
   * @param values each row's value, null where missing; same length as {@code scores}
   * @param threshold as eval.threshold, which the metrics calculator takes
   * @param bins as eval.bins, for each segment's top lift
   */
  public static Segments of(
      String column,
      String[] values,
      double[] scores,
      boolean[] positive,
      double threshold,
      int bins) {
    // A HashMap takes the null key, which is the missing segment.
    Map<String, List<Integer>> rowsByValue = new HashMap<>();
    for (int i = 0; i < values.length; i++) {
      rowsByValue.computeIfAbsent(values[i], v -> new ArrayList<>()).add(i);
    }
    List<SegmentMetrics> segments = new ArrayList<>();
    rowsByValue.forEach(
        (value, rows) -> {
          double[] s = new double[rows.size()];
          boolean[] p = new boolean[rows.size()];
          for (int k = 0; k < s.length; k++) {
            s[k] = scores[rows.get(k)];
            p[k] = positive[rows.get(k)];
          }
          segments.add(SegmentMetrics.of(value, s, p, threshold, bins));
        });
    segments.sort(
        Comparator.comparingLong(SegmentMetrics::rows)
            .reversed()
            .thenComparing(SegmentMetrics::value, Comparator.nullsLast(Comparator.naturalOrder())));
    return new Segments(column, segments);
  }
}
