package dev.precis.data;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Finds columns that hold personal data without being declared in data.pii: e-mail addresses, phone
 * numbers, payment card numbers (the Luhn check) and national ids (a US social security number, a
 * UK national insurance number). A column is of a kind when most of its distinct values are; what
 * it found is said by the column's name and the kind, never by a value.
 */
final class PiiDetector {
  /** The share of a column's distinct values that must be of one kind. */
  private static final double SHARE = 0.8;

  /** Distinct values looked at per column: enough to judge, cheap on a million-row identifier. */
  private static final int SAMPLE = 2000;

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[A-Za-z]{2,}");
  private static final Pattern SSN = Pattern.compile("\\d{3}-\\d{2}-\\d{4}");
  private static final Pattern NI =
      Pattern.compile(
          "[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\\d{2} ?\\d{2} ?\\d{2} ?[A-D]",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern CARD = Pattern.compile("\\d(?:[ -]?\\d){12,18}");
  private static final Pattern PHONE = Pattern.compile("\\+?[\\d\\s().-]+");
  private static final Pattern SEPARATED = Pattern.compile("\\d[ ()-]+\\d|^\\(\\d");

  /** A kind of personal data, as a warning names it. */
  enum Kind {
    EMAIL("e-mail addresses"),
    NATIONAL_ID("national ids"),
    CARD("card numbers"),
    PHONE("phone numbers");

    final String words;

    Kind(String words) {
      this.words = words;
    }
  }

  private PiiDetector() {}

  /** The columns among {@code names} that look personal, with what they look like. */
  static Map<String, Kind> scan(CsvTable table, Collection<String> names, MissingValues missing) {
    Map<String, Kind> found = new LinkedHashMap<>();
    for (String name : names) {
      Kind kind = kindOf(table.column(table.indexOf(name, "column")), missing);
      if (kind != null) {
        found.put(name, kind);
      }
    }
    return found;
  }

  private static Kind kindOf(TableColumn values, MissingValues missing) {
    int[] counts = new int[Kind.values().length];
    int seen = 0;
    for (int k = 0; k < values.levelCount() && seen < SAMPLE; k++) {
      String value = values.level(k);
      if (missing.isMissing(value)) {
        continue;
      }
      seen++;
      Kind kind = kindOf(value.strip());
      if (kind != null) {
        counts[kind.ordinal()]++;
      }
    }
    for (Kind kind : Kind.values()) {
      if (seen > 0 && counts[kind.ordinal()] >= SHARE * seen) {
        return kind;
      }
    }
    return null;
  }

  /** The kind of one value, or null; the more particular kinds are tried first. */
  static Kind kindOf(String value) {
    if (EMAIL.matcher(value).matches()) {
      return Kind.EMAIL;
    }
    if (SSN.matcher(value).matches() || NI.matcher(value).matches()) {
      return Kind.NATIONAL_ID;
    }
    if (CARD.matcher(value).matches() && luhn(value)) {
      return Kind.CARD;
    }
    return looksLikePhone(value) ? Kind.PHONE : null;
  }

  /**
   * 9 to 15 digits written as a phone number is: with a leading +, a leading 0, or spaces, dashes
   * or brackets between the digits. A plain number (an amount, a count) is none of these.
   */
  private static boolean looksLikePhone(String value) {
    if (!PHONE.matcher(value).matches()) {
      return false;
    }
    long digits = value.chars().filter(Character::isDigit).count();
    if (digits < 9 || digits > 15) {
      return false;
    }
    boolean separated = SEPARATED.matcher(value).find();
    boolean plainWithZero = value.startsWith("0") && digits == value.length();
    return value.startsWith("+") || separated || plainWithZero;
  }

  /** The Luhn check of card numbers: every second digit from the right doubled, sum 0 mod 10. */
  static boolean luhn(String value) {
    int sum = 0;
    boolean doubled = false;
    for (int i = value.length() - 1; i >= 0; i--) {
      char ch = value.charAt(i);
      if (!Character.isDigit(ch)) {
        continue;
      }
      int digit = ch - '0';
      if (doubled) {
        digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
      }
      sum += digit;
      doubled = !doubled;
    }
    return sum % 10 == 0;
  }
}
