package dev.precis.data;

/** Parsing of numeric fields, strict about what counts as a number. */
public final class Numbers {
  private Numbers() {}

  /** Whether the text is a finite decimal number (no hex, no "NaN", no "Infinity"). */
  public static boolean isNumber(String text) {
    return !Double.isNaN(parseOrNaN(text));
  }

  /** The value of a finite decimal number, or NaN when the text is not one. */
  public static double parseOrNaN(String text) {
    int n = text.length();
    if (n == 0 || n > 64) {
      return Double.NaN;
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
}
