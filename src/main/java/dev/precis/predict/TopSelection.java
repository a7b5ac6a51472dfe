package dev.precis.predict;

/**
 * Picks exactly the best-scoring k rows of a file seen once, in constant memory: a count of rows
 * per printed score (millionths) gives the cutoff score; rows above it are selected, and rows tied
 * at it are selected in file order until k are.
 */
final class TopSelection {
  private final int[] counts = new int[ScoreFormat.SCALE + 1];
  private long rows;
  private int cutoff;
  private long tiesToTake;

  void add(int micros) {
    counts[micros]++;
    rows++;
  }

  long rows() {
    return rows;
  }

  /** Fixes the cutoff for the top {@code percent} of the rows added; returns how many that is. */
  long select(double percent) {
    long k = Math.round(rows * percent / 100.0);
    long above = 0;
    cutoff = ScoreFormat.SCALE + 1;
    for (int s = ScoreFormat.SCALE; s >= 0 && above < k; s--) {
      if (above + counts[s] >= k) {
        cutoff = s;
        tiesToTake = k - above;
        return k;
      }
      above += counts[s];
    }
    return k;
  }

  /** The lowest selected score, in millionths; meaningful when k > 0. */
  int cutoff() {
    return cutoff;
  }

  /** Whether the next row, in file order, is selected. */
  boolean take(int micros) {
    if (micros > cutoff) {
      return true;
    }
    if (micros == cutoff && tiesToTake > 0) {
      tiesToTake--;
      return true;
    }
    return false;
  }
}
