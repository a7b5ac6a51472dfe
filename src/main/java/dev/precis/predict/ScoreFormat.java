package dev.precis.predict;

/**
 * Scores as the output shows them: six decimals, also the unit that selection ranks by. An uplift
 * is a signed score, from -1 to 1.
 */
public final class ScoreFormat {
  static final int SCALE = 1_000_000;

  private ScoreFormat() {}

  /** The score in millionths, as printed. */
  public static int micros(double score) {
    return (int) Math.round(score * SCALE);
  }

  public static void append(StringBuilder out, int micros) {
    if (micros < 0) {
      out.append('-');
      micros = -micros;
    }
    out.append(micros / SCALE).append('.');
    String fraction = Integer.toString(micros % SCALE);
    for (int pad = fraction.length(); pad < 6; pad++) {
      out.append('0');
    }
    out.append(fraction);
  }

  /** Reads back a printed score, in millionths. */
  static int parseMicros(CharSequence text, int from, int to) {
    int value = 0;
    int decimals = -1;
    boolean negative = from < to && text.charAt(from) == '-';
    for (int i = negative ? from + 1 : from; i < to; i++) {
      char c = text.charAt(i);
      if (c == '.') {
        decimals = 0;
      } else {
        value = value * 10 + (c - '0');
        if (decimals >= 0) {
          decimals++;
        }
      }
    }
    for (int d = Math.max(decimals, 0); d < 6; d++) {
      value *= 10;
    }
    return negative ? -value : value;
  }
}
