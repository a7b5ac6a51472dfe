package dev.precis.data;

/** Parsing of numeric fields, strict about what counts as a number. */
public final class Numbers {
  private Numbers() {}

  /** Whether the text is a finite decimal number (no hex, no "NaN", no "Infinity"). */
  public static boolean isNumber(String text) {
    return !Double.isNaN(parseOrNaN(text));
  }

  /** Powers of ten that a double holds exactly. */
  private static final double[] EXACT_POWERS = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22
  };

  /** The value of a finite decimal number, or NaN when the text is not one. */
  public static double parseOrNaN(String text) {
    int n = text.length();
    if (n == 0 || n > 400) {
      return Double.NaN;
    }
    double fast = simpleDecimal(text, n);
    if (!Double.isNaN(fast)) {
      return fast;
    }
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
        return Double.NaN;
      }
    }
    try {
      double value = Double.parseDouble(text);
      return Double.isFinite(value) ? value : Double.NaN;
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  /**
   * Plain decimals ([-]digits[.digits], at most 15 significant digits) parsed exactly: the digits
   * and the power of ten are both exact doubles, so one division rounds correctly, as
   * Double.parseDouble would. NaN for anything else, which then takes the general path.
   */
  private static double simpleDecimal(String text, int n) {
    int i = 0;
    boolean negative = text.charAt(0) == '-';
    if (negative || text.charAt(0) == '+') {
      i++;
    }
    long mantissa = 0;
    boolean anyDigit = false;
    int digits = 0;
    int decimals = -1;
    for (; i < n; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        mantissa = mantissa * 10 + (c - '0');
        anyDigit = true;
        if (mantissa != 0) {
          digits++;
        }
        if (decimals >= 0) {
          decimals++;
        }
      } else if (c == '.' && decimals < 0) {
        decimals = 0;
      } else {
        return Double.NaN;
      }
    }
    int scale = Math.max(decimals, 0);
    if (!anyDigit || digits > 15 || scale >= EXACT_POWERS.length) {
      return Double.NaN;
    }
    double value = scale == 0 ? mantissa : mantissa / EXACT_POWERS[scale];
    return negative ? -value : value;
  }
}
