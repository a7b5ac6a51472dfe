package dev.precis.eval;

/**
 * Stable descending order of non-negative scores: a least-significant-digit radix sort of the
 * scores' bit patterns carrying row indices along. It is O(n), needs no boxing and keeps tied rows
 * in input order.
 */
final class DescendingOrder {

  private static final int DIGIT_BITS = 8;
  private static final int RADIX = 1 << DIGIT_BITS;
  private static final int DIGITS = Long.SIZE / DIGIT_BITS;

  private DescendingOrder() {}

  /**
   * Returns the row indices sorted by score, highest first, ties in input order. Needs every score
   * to be a non-negative, non-NaN double; -0.0 ties with 0.0.
   */
  static int[] of(double[] scores) {
    int n = scores.length;
    long[] keys = new long[n];
    int[] rows = new int[n];
    // Non-negative doubles order like their bit patterns, so MAX - bits orders them highest first.
    for (int i = 0; i < n; i++) {
      keys[i] = Long.MAX_VALUE - Double.doubleToLongBits(scores[i] + 0.0);
      rows[i] = i;
    }
    int[][] counts = digitCounts(keys);
    long[] keyBuffer = new long[n];
    int[] rowBuffer = new int[n];
    for (int digit = 0; digit < DIGITS; digit++) {
      int[] count = counts[digit];
      if (allInOneBucket(count, n)) {
        continue;
      }
      int[] start = new int[RADIX];
      for (int b = 1; b < RADIX; b++) {
        start[b] = start[b - 1] + count[b - 1];
      }
      int shift = digit * DIGIT_BITS;
      for (int i = 0; i < n; i++) {
        int position = start[(int) (keys[i] >>> shift) & (RADIX - 1)]++;
        keyBuffer[position] = keys[i];
        rowBuffer[position] = rows[i];
      }
      long[] swapKeys = keys;
      keys = keyBuffer;
      keyBuffer = swapKeys;
      int[] swapRows = rows;
      rows = rowBuffer;
      rowBuffer = swapRows;
    }
    return rows;
  }

  /** Histograms of every digit, all taken in one pass over the keys. */
  private static int[][] digitCounts(long[] keys) {
    int[][] counts = new int[DIGITS][RADIX];
    for (long key : keys) {
      for (int digit = 0; digit < DIGITS; digit++) {
        counts[digit][(int) (key >>> (digit * DIGIT_BITS)) & (RADIX - 1)]++;
      }
    }
    return counts;
  }

  private static boolean allInOneBucket(int[] count, int n) {
    for (int c : count) {
      if (c != 0) {
        return c == n;
      }
    }
    return true;
  }
}
