package dev.precis.data;

import dev.precis.config.DatesConfig.Format;
import dev.precis.config.PrepConfig;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * The whole days from one date column to another (prep.dates.between: [[signup, last_order]]) as
 * the feature "signup..last_order:days", scaled as prep.scale says; when either date is missing it
 * is filled with the training mean and marked by "signup..last_order:missing" when the training
 * rows had such rows, or left out for a model that takes missing values.
 *
 * @param from the earlier column
 * @param to the later column
 * @param fromFormat how {@code from}'s dates are written
 * @param toFormat how {@code to}'s dates are written
 * @param days the scaling of the days
 * @param indicator whether the ":missing" feature is written
 * @param missingAsAbsent whether a missing distance is left out instead of filled in
 */
public record DateGapStep(
    String from,
    String to,
    Format fromFormat,
    Format toFormat,
    Scaling days,
    boolean indicator,
    boolean missingAsAbsent)
    implements ColumnStep {

  /**
   * @throws dev.precis.PrecisException (data) when a value is no date, or a format is ambiguous
   */
  public static DateGapStep fit(
      TrainingColumn from, TrainingColumn to, PrepConfig prep, PipelineNeeds needs) {
    Format fromFormat = DateValues.resolve(from, prep.dates().formatOf(from.name()));
    Format toFormat = DateValues.resolve(to, prep.dates().formatOf(to.name()));
    double[] values = new double[from.size()];
    int present = 0;
    for (int i = 0; i < from.size(); i++) {
      LocalDateTime a = date(from, i, fromFormat);
      LocalDateTime b = date(to, i, toFormat);
      if (a != null && b != null) {
        values[present++] = ChronoUnit.DAYS.between(a.toLocalDate(), b.toLocalDate());
      }
    }
    return new DateGapStep(
        from.name(),
        to.name(),
        fromFormat,
        toFormat,
        Scaling.fit(values, present, prep.scale()),
        present < from.size(),
        needs.missingAsAbsent());
  }

  private static LocalDateTime date(TrainingColumn column, int i, Format format) {
    if (column.isMissing(i)) {
      return null;
    }
    LocalDateTime at = DateValues.parse(column.value(i), format);
    if (at == null) {
      throw DateValues.notADate(column, i, format);
    }
    return at;
  }

  @Override
  public List<String> inputColumns() {
    return List.of(from, to);
  }

  @Override
  public List<String> featureNames() {
    String name = from + ".." + to;
    return indicator ? List.of(name + ":days", name + ":missing") : List.of(name + ":days");
  }

  @Override
  public StepEncoder encoder(int[] columns, int first, MissingValues missing) {
    return (fields, out) -> {
      LocalDateTime a = read(fields[columns[0]], from, fromFormat, missing);
      LocalDateTime b = read(fields[columns[1]], to, toFormat, missing);
      boolean absent = a == null || b == null;
      if (!absent || !missingAsAbsent) {
        double value =
            days.apply(
                absent ? days.fill() : ChronoUnit.DAYS.between(a.toLocalDate(), b.toLocalDate()));
        if (value != 0) {
          out.put(first, value);
        }
      }
      if (indicator && absent) {
        out.put(first + 1, 1.0);
      }
    };
  }

  private static LocalDateTime read(
      String raw, String column, Format format, MissingValues missing) {
    if (missing.isMissing(raw)) {
      return null;
    }
    LocalDateTime at = DateValues.parse(raw, format);
    if (at == null) {
      throw new RowEncoder.BadValue(
          column, raw, "a date (" + format.name().toLowerCase(Locale.ROOT) + ")");
    }
    return at;
  }
}
