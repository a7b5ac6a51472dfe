package dev.precis.predict;

import dev.precis.config.Economics;

/**
 * Picks exactly the best-scoring k rows of a file seen once, in constant memory: a count of rows
 * per printed score (millionths) gives the cutoff score; rows above it are selected, and rows tied
 * at it are selected in file order until k are. Scores run from {@code lowest} to 1: 0 for a
 * probability, -1 for an uplift.
 */
final class TopSelection {
  private final int lowest;
  private final int[] counts;
  private long rows;
  private int cutoff;
  private long tiesToTake;
  private long tiesAtCutoff;

  /** A selection of probabilities. */
  TopSelection() {
    this(false);
  }

  /**
   * @param signed whether scores may be negative (an uplift), down to -1
   */
  TopSelection(boolean signed) {
    lowest = signed ? -ScoreFormat.SCALE : 0;
    counts = new int[ScoreFormat.SCALE - lowest + 1];
  }

  void add(int micros) {
    counts[micros - lowest]++;
    rows++;
  }

  long rows() {
    return rows;
  }

  /** Fixes the cutoff for the top {@code percent} of the rows added; returns how many that is. */
  long select(double percent) {
    return selectTop(Math.round(rows * percent / 100.0));
  }

  /**
   * Fixes the cutoff for the rows worth contacting under {@code economics}: those whose expected
   * value pays their cost, best first, as many as the budget allows; returns how many that is.
   */
  long selectProfitable(Economics economics) {
    long paying = 0;
    for (int s = ScoreFormat.SCALE;
        s >= lowest && economics.pays(s / (double) ScoreFormat.SCALE);
        s--) {
      paying += counts[s - lowest];
    }
    return selectTop(Math.min(paying, economics.maxContacts(rows)));
  }

  /** The sum of the selected rows' scores: their expected number of responders. */
  double selectedScoreSum() {
    double sum = 0;
    for (int s = ScoreFormat.SCALE; s > cutoff; s--) {
      sum += counts[s - lowest] * (double) s;
    }
    if (cutoff <= ScoreFormat.SCALE) {
      sum += tiesAtCutoff * (double) cutoff;
    }
    return sum / ScoreFormat.SCALE;
  }

  private long selectTop(long k) {
    long above = 0;
    cutoff = ScoreFormat.SCALE + 1;
    tiesAtCutoff = 0;
    for (int s = ScoreFormat.SCALE; s >= lowest && above < k; s--) {
      if (above + counts[s - lowest] >= k) {
        cutoff = s;
        tiesToTake = k - above;
        tiesAtCutoff = tiesToTake;
        return k;
      }
      above += counts[s - lowest];
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
