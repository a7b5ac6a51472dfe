package dev.precis.data;

import dev.precis.config.DatesConfig.Format;
import dev.precis.config.PrepConfig;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A date column (data.types: {col: date}) as numbers: "col:year", "col:month" (1-12),
 * "col:day_of_week" (1 = Monday to 7), "col:day_of_month", "col:hour" when the training values hold
 * times, and "col:days_before_reference", the whole days from the date to the reference date
 * (positive for earlier dates: the recency of a last order), each scaled as prep.scale says. A
 * missing date is filled with the training means and marked by "col:missing" when the training rows
 * had any, or left out for a model that takes missing values.
 *
 * @param name the column
 * @param format how its dates are written, as configured or settled on the training values
 * @param reference the ISO date days are counted to: prep.dates.reference, or the latest training
 *     date
 * @param hours whether the training values hold times, and "col:hour" is a feature
 * @param indicator whether "col:missing" is a feature
 * @param missingAsAbsent whether a missing date's features are left out instead of filled in
 * @param scaling one per derived number, in feature order
 */
public record DateStep(
    String name,
    Format format,
    String reference,
    boolean hours,
    boolean indicator,
    boolean missingAsAbsent,
    List<Scaling> scaling)
    implements SingleColumnStep {

  public DateStep {
    scaling = List.copyOf(scaling);
    if (scaling.size() != parts(hours).size()) {
      throw new IllegalArgumentException(
          "date step '" + name + "' has " + scaling.size() + " scalings for its parts");
    }
  }

  /** What is taken from a date, in feature order. */
  enum Part {
    YEAR,
    MONTH,
    DAY_OF_WEEK,
    DAY_OF_MONTH,
    HOUR,
    DAYS_BEFORE_REFERENCE;

    double of(LocalDateTime at, LocalDate reference) {
      return switch (this) {
        case YEAR -> at.getYear();
        case MONTH -> at.getMonthValue();
        case DAY_OF_WEEK -> at.getDayOfWeek().getValue();
        case DAY_OF_MONTH -> at.getDayOfMonth();
        case HOUR -> at.getHour();
        case DAYS_BEFORE_REFERENCE -> ChronoUnit.DAYS.between(at.toLocalDate(), reference);
      };
    }
  }

  private static List<Part> parts(boolean hours) {
    List<Part> parts = new ArrayList<>(List.of(Part.values()));
    if (!hours) {
      parts.remove(Part.HOUR);
    }
    return parts;
  }

  /**
   * Settles the column's format (see {@link DateValues#resolve}) and the reference date, then fits
   * each derived number's scaling on the training dates.
   *
   * @throws dev.precis.PrecisException (data) when a value is no date, or the format is ambiguous
   */
  public static DateStep fit(TrainingColumn column, PrepConfig prep, PipelineNeeds needs) {
    Format format = DateValues.resolve(column, prep.dates().formatOf(column.name()));
    LocalDateTime[] dates = new LocalDateTime[column.size()];
    int present = 0;
    boolean hours = false;
    LocalDate latest = null;
    for (int i = 0; i < column.size(); i++) {
      if (column.isMissing(i)) {
        continue;
      }
      LocalDateTime at = DateValues.parse(column.value(i), format);
      if (at == null) {
        throw DateValues.notADate(column, i, format);
      }
      dates[present++] = at;
      hours |= DateValues.hasTime(column.value(i));
      latest = latest == null || at.toLocalDate().isAfter(latest) ? at.toLocalDate() : latest;
    }
    String configured = prep.dates().reference();
    LocalDate reference =
        configured != null
            ? LocalDate.parse(configured.strip())
            : latest != null ? latest : LocalDate.of(2000, 1, 1);
    List<Scaling> scaling = new ArrayList<>();
    double[] values = new double[present];
    for (Part part : parts(hours)) {
      for (int i = 0; i < present; i++) {
        values[i] = part.of(dates[i], reference);
      }
      scaling.add(Scaling.fit(values, present, prep.scale()));
    }
    return new DateStep(
        column.name(),
        format,
        reference.toString(),
        hours,
        present < column.size(),
        needs.missingAsAbsent(),
        scaling);
  }

  @Override
  public List<String> featureNames() {
    List<String> names = new ArrayList<>();
    for (Part part : parts(hours)) {
      names.add(name + ":" + part.name().toLowerCase(Locale.ROOT));
    }
    if (indicator) {
      names.add(name + ":missing");
    }
    return names;
  }

  @Override
  public StepEncoder encoder(int[] columns, int first, MissingValues missing) {
    int column = columns[0];
    List<Part> parts = parts(hours);
    LocalDate to = LocalDate.parse(reference);
    String expected = "a date (" + format.name().toLowerCase(Locale.ROOT) + ")";
    return (fields, out) -> {
      String raw = fields[column];
      boolean absent = missing.isMissing(raw);
      LocalDateTime at = absent ? null : DateValues.parse(raw, format);
      if (!absent && at == null) {
        throw new RowEncoder.BadValue(name, raw, expected);
      }
      if (!absent || !missingAsAbsent) {
        for (int p = 0; p < parts.size(); p++) {
          Scaling s = scaling.get(p);
          double value = s.apply(absent ? s.fill() : parts.get(p).of(at, to));
          if (value != 0) {
            out.put(first + p, value);
          }
        }
      }
      if (indicator && absent) {
        out.put(first + parts.size(), 1.0);
      }
    };
  }
}
