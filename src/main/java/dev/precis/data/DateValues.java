package dev.precis.data;

import dev.precis.config.DatesConfig.Format;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the dates of a date column: ISO (2024-01-31, 2024/01/31, with an optional time such as
 * T09:30, 09:30:15.5 or a zone, whose local time is kept) or day-first or month-first numbers with
 * a four-digit year (31/01/2024, 01-31-2024, 31.01.2024 09:30). Which of the last two a column
 * holds is configured, or settled from its training values by {@link #resolve} and recorded.
 */
final class DateValues {
  private static final Pattern ISO =
      Pattern.compile(
          "(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})"
              + "(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d+)?)?)?"
              + "(?:Z|[+-]\\d{2}:?\\d{2})?");
  private static final Pattern NUMBERS =
      Pattern.compile(
          "(\\d{1,2})[-/.](\\d{1,2})[-/.](\\d{4})"
              + "(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d+)?)?)?");

  private DateValues() {}

  /**
   * The date and time of a value, midnight when it has no time; null when it is not a date in
   * {@code format} (a format that is {@link Format#AUTO} or ISO reads ISO values alone).
   */
  static LocalDateTime parse(String value, Format format) {
    String text = value.strip();
    Matcher iso = ISO.matcher(text);
    if (iso.matches()) {
      return at(iso, 1, 2, 3);
    }
    Matcher numbers = NUMBERS.matcher(text);
    if (!numbers.matches()) {
      return null;
    }
    return switch (format) {
      case DAY_FIRST -> at(numbers, 3, 2, 1);
      case MONTH_FIRST -> at(numbers, 3, 1, 2);
      case AUTO, ISO -> null;
    };
  }

  /** Whether a value holds a time of day. */
  static boolean hasTime(String value) {
    Matcher iso = ISO.matcher(value.strip());
    if (iso.matches()) {
      return iso.group(4) != null;
    }
    Matcher numbers = NUMBERS.matcher(value.strip());
    return numbers.matches() && numbers.group(4) != null;
  }

  private static LocalDateTime at(Matcher m, int year, int month, int day) {
    try {
      LocalDate date =
          LocalDate.of(
              Integer.parseInt(m.group(year)),
              Integer.parseInt(m.group(month)),
              Integer.parseInt(m.group(day)));
      if (m.group(4) == null) {
        return date.atStartOfDay();
      }
      int seconds = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
      return date.atTime(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), seconds);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /**
   * The format a column's training values are read in: the configured one, or for {@link
   * Format#AUTO} ISO when every value is, else day-first when a first number is above 12, or
   * month-first when a second one is.
   *
   * @throws dev.precis.PrecisException (data) naming the line and the key to set when the values
   *     fit both orders, or neither
   */
  static Format resolve(TrainingColumn column, Format configured) {
    if (configured != Format.AUTO) {
      return configured;
    }
    String key = "prep.dates.columns." + column.name();
    int dayFirstAt = -1;
    int monthFirstAt = -1;
    int ambiguousAt = -1;
    for (int i = 0; i < column.size(); i++) {
      if (column.isMissing(i)) {
        continue;
      }
      String value = column.value(i).strip();
      Matcher numbers = NUMBERS.matcher(value);
      if (ISO.matcher(value).matches() || !numbers.matches()) {
        continue; // ISO, or no date at all: reading it says which
      }
      int a = Integer.parseInt(numbers.group(1));
      int b = Integer.parseInt(numbers.group(2));
      if (a > 12) {
        dayFirstAt = dayFirstAt < 0 ? i : dayFirstAt;
      } else if (b > 12) {
        monthFirstAt = monthFirstAt < 0 ? i : monthFirstAt;
      } else if (ambiguousAt < 0) {
        ambiguousAt = i;
      }
    }
    if (dayFirstAt >= 0 && monthFirstAt >= 0) {
      throw column.error(
          monthFirstAt,
          "date column '"
              + column.name()
              + "' holds '"
              + column.value(monthFirstAt).strip()
              + "', month first, and '"
              + column.value(dayFirstAt).strip()
              + "', day first; set "
              + key
              + " (day_first or month_first) and fix the values that do not follow it");
    }
    if (dayFirstAt >= 0) {
      return Format.DAY_FIRST;
    }
    if (monthFirstAt >= 0) {
      return Format.MONTH_FIRST;
    }
    if (ambiguousAt >= 0) {
      throw column.error(
          ambiguousAt,
          "date column '"
              + column.name()
              + "' holds '"
              + column.value(ambiguousAt).strip()
              + "', which reads day-first and month-first alike, and no training value settles"
              + " which; set "
              + key
              + ": day_first or month_first (or prep.dates.format for every date column)");
    }
    return Format.ISO;
  }

  /** The error for a training value that is no date in the format. */
  static dev.precis.PrecisException notADate(TrainingColumn column, int i, Format format) {
    return column.error(
        i,
        "column '"
            + column.name()
            + "' is a date but holds '"
            + column.value(i).strip()
            + "' (dates read: 2024-01-31, 31/01/2024 or 01/31/2024, with a four-digit year and an"
            + " optional time"
            + (format == Format.AUTO
                ? ""
                : ", in " + format.name().toLowerCase(java.util.Locale.ROOT))
            + "); fix the value, list it in prep.missing.tokens, or set data.types."
            + column.name());
  }
}
