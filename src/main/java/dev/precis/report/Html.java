package dev.precis.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Text and numbers as the HTML report writes them. */
final class Html {
  private Html() {}

  /** Text safe inside an element or a quoted attribute. */
  static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }

  /** A value to {@code digits} decimals; NaN as a dash. */
  static String number(double value, int digits) {
    return Double.isFinite(value) ? String.format(Locale.ROOT, "%." + digits + "f", value) : "–";
  }

  /** An axis tick: four significant digits at most, no trailing zeros. */
  static String tick(double value) {
    return new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
  }
}
