package dev.precis.data;

import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The written forms of dates a column may hold: ISO (2024-12-31, with an optional time), day-first
 * (31/12/2024) and month-first (12/31/2024), each with '/', '-' or '.' between the parts and an
 * optional time. A column whose values all read both day-first and month-first (01/02/2024) is
 * ambiguous: prep.dates says which, and unsaid Precis does not guess.
 */
public enum DateForms {
  ISO("uuuu-MM-dd"),
  DAY_FIRST("d/M/uuuu"),
  MONTH_FIRST("M/d/uuuu");

  private static final String TIME = "[['T'][' ']H:mm[:ss][.SSS]]";

  private final List<DateTimeFormatter> formats = new ArrayList<>();

  DateForms(String date) {
    for (String separator : date.contains("/") ? List.of("/", "-", ".") : List.of("-")) {
      formats.add(
          DateTimeFormatter.ofPattern(date.replace("/", separator) + TIME, Locale.ROOT)
              .withResolverStyle(ResolverStyle.STRICT));
    }
  }

  /** The date a stripped value holds in this form, or null. */
  public TemporalAccessor parse(String value) {
    for (DateTimeFormatter format : formats) {
      try {
        return format.parse(value);
      } catch (DateTimeParseException e) {
        // not in this separator's spelling; try the next
      }
    }
    return null;
  }

  /** The forms in which every one of a column's distinct present values (stripped) reads. */
  static List<DateForms> fitting(Iterable<String> values) {
    List<DateForms> fits = new ArrayList<>(List.of(values()));
    for (String value : values) {
      fits.removeIf(form -> form.parse(value) == null);
      if (fits.isEmpty()) {
        break;
      }
    }
    return fits;
  }

  /** The name in config and reports: iso, day-first, month-first. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
