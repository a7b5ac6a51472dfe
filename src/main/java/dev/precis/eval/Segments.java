package dev.precis.eval;

import java.util.ArrayList;
import java.util.Arrays;
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
    // Each value gets a code (a HashMap takes the null key, the missing segment); rows are then
    // grouped by a counting sort over primitive arrays, with no boxed row index per row.
    Map<String, Integer> codes = new HashMap<>();
    List<String> byCode = new ArrayList<>();
    int[] code = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      code[i] =
          codes.computeIfAbsent(
              values[i],
              v -> {
                byCode.add(v);
                return byCode.size() - 1;
              });
    }
    int[] start = new int[byCode.size() + 1];
    for (int c : code) {
      start[c + 1]++;
    }
    for (int c = 0; c < byCode.size(); c++) {
      start[c + 1] += start[c];
    }
    int[] next = Arrays.copyOf(start, byCode.size());
    double[] groupedScores = new double[values.length];
    boolean[] groupedLabels = new boolean[values.length];
    for (int i = 0; i < values.length; i++) {
      int at = next[code[i]]++;
      groupedScores[at] = scores[i];
      groupedLabels[at] = positive[i];
    }
    List<SegmentMetrics> segments = new ArrayList<>();
    for (int c = 0; c < byCode.size(); c++) {
      segments.add(
          SegmentMetrics.of(
              byCode.get(c),
              Arrays.copyOfRange(groupedScores, start[c], start[c + 1]),
              Arrays.copyOfRange(groupedLabels, start[c], start[c + 1]),
              threshold,
              bins));
    }
    segments.sort(
        Comparator.comparingLong(SegmentMetrics::rows)
            .reversed()
            .thenComparing(SegmentMetrics::value, Comparator.nullsLast(Comparator.naturalOrder())));
    return new Segments(column, segments);
  }
}
