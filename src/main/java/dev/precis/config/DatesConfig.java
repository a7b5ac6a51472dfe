package dev.precis.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How date columns (data.types: {col: date}) become features: prep.dates.
 *
 * @param format how dates are written, for every date column
 * @param columns the format per column, overriding {@code format}: {signup: day_first}
 * @param reference the date that "days since" counts from, ISO (2024-01-31); null takes the latest
 *     training date of each column, recorded in the pipeline so that later files count from it too
 * @param between pairs of date columns whose distance in days is a feature: [[signup, last_order]]
 *     gives the days from signup to last_order
 */
public record DatesConfig(
    Format format, Map<String, Format> columns, String reference, List<List<String>> between) {

  /** What prep.dates is when a config does not say. */
  public static final DatesConfig DEFAULTS = new DatesConfig(Format.AUTO, null, null, null);

  /** How the dates of a column are written; a time of day may follow any of them. */
  public enum Format {
    /**
     * ISO (2024-01-31) when the values are; else day-first or month-first, whichever the training
     * values allow (a first number above 12 is a day, a second one above 12 is a day), recorded in
     * the pipeline. A column whose values fit both is refused: say which in prep.dates.
     */
    @JsonProperty("auto")
    AUTO,
    /** Year, month, day: 2024-01-31, 2024/01/31, 2024-01-31T09:30:00. */
    @JsonProperty("iso")
    ISO,
    /** Day, month, year: 31/01/2024, 31.01.2024, 31-01-2024. */
    @JsonProperty("day_first")
    DAY_FIRST,
    /** Month, day, year: 01/31/2024. */
    @JsonProperty("month_first")
    MONTH_FIRST
  }

  public DatesConfig {
    Check.present(format, "prep.dates.format");
    columns = columns == null ? Map.of() : Map.copyOf(columns);
    columns.forEach((column, f) -> Check.present(f, "prep.dates.columns." + column));
    if (reference != null) {
      try {
        LocalDate.parse(reference.strip());
      } catch (DateTimeParseException e) {
        throw new ConfigException(
            "prep.dates.reference",
            "must be an ISO date such as 2024-01-31, or null for the latest training date (got '"
                + reference
                + "')");
      }
    }
    List<List<String>> pairs = new ArrayList<>();
    for (int i = 0; between != null && i < between.size(); i++) {
      List<String> pair = between.get(i);
      if (pair == null
          || pair.size() != 2
          || pair.contains(null)
          || pair.get(0).equals(pair.get(1))) {
        throw new ConfigException(
            "prep.dates.between[" + i + "]",
            "must name two different date columns, as in [signup, last_order] (got " + pair + ")");
      }
      pairs.add(List.copyOf(pair));
    }
    between = List.copyOf(pairs);
  }

  /** The format of a column's dates. */
  public Format formatOf(String column) {
    return columns.getOrDefault(column, format);
  }
}
