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

  /** A count with thousands separators: 41,188. */
  static String count(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }

  /** An amount of money with thousands separators and two decimals: 73,682.00. */
  static String money(double value) {
    return Double.isFinite(value) ? String.format(Locale.ROOT, "%,.2f", value) : "–";
  }

  /** An axis tick: four significant digits at most, no trailing zeros. */
  static String tick(double value) {
    return new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
  }

  /** A part of the split in words: "validation rows". */
  static String rows(String part) {
    return switch (part) {
      case "valid" -> "validation rows";
      case "train" -> "training rows";
      default -> part + " rows";
    };
  }
}
