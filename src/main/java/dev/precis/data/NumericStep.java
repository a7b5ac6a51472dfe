package dev.precis.data;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.precis.config.PrepConfig;
import java.util.Arrays;
import java.util.List;

/**
 * A numeric column: a missing value becomes {@code fill}, or is left out of the row for a model
 * that handles missing values itself; the feature is (x - center) / scale, clipped into [0, 1] when
 * {@code clip} is set.
 *
 * @param name the column
 * @param fill what a missing value is taken to be, unless {@code missingAsAbsent}
 * @param indicator whether an extra 0/1 feature, "name:missing", marks rows where it was missing
 * @param missingAsAbsent whether a missing value is left out of the row instead of filled in (the
 *     indicator is set all the same); written to pipeline.json only when true, so the pipelines of
 *     every other family read and hash as before
 * @param clip whether the feature is clipped into [0, 1]: min-max scaled steps, whose later values
 *     may lie beyond the training range; written only when set, like {@code missingAsAbsent}
 */
public record NumericStep(
    String name,
    double fill,
    double center,
    double scale,
    boolean indicator,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean missingAsAbsent,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean clip)
    implements ColumnStep {

  /** Reads a step from pipeline.json, where missing_as_absent and clip appear only when true. */
  @JsonCreator
  static NumericStep read(
      @JsonProperty("name") String name,
      @JsonProperty("fill") double fill,
      @JsonProperty("center") double center,
      @JsonProperty("scale") double scale,
      @JsonProperty("indicator") boolean indicator,
      @JsonProperty("missing_as_absent") Boolean missingAsAbsent,
      @JsonProperty("clip") Boolean clip) {
    return new NumericStep(
        name,
        fill,
        center,
        scale,
        indicator,
        Boolean.TRUE.equals(missingAsAbsent),
        Boolean.TRUE.equals(clip));
  }

  /**
   * Fills with the median (or mean, per prep.missing.numeric) of the values present, or leaves
   * missing values out when the family needs that; centres and scales to mean 0 and standard
   * deviation 1 under prep.scale: standard, or into [0, 1] by the training minimum and maximum
   * under prep.scale: minmax.
   *
   * @param prep the prep settings as the family needs them (see {@link PipelineNeeds#prep})
   * @throws dev.precis.PrecisException (data) when a value is not a number
   */
  public static NumericStep fit(TrainingColumn column, PrepConfig prep, PipelineNeeds needs) {
    double[] values = new double[column.size()];
    int n = 0;
    for (int i = 0; i < column.size(); i++) {
      if (column.isMissing(i)) {
        continue;
      }
      double value = column.number(i);
      if (Double.isNaN(value)) {
        String raw = column.value(i);
        throw column.error(
            i,
            "column '"
                + column.name()
                + "' is numeric but holds '"
                + raw
                + "'; fix the value, list it in prep.missing.tokens, or set data.types."
                + column.name()
                + ": categorical");
      }
      values[n++] = value;
    }
    double[] present = Arrays.copyOf(values, n);
    double mean = mean(present);
    double fill =
        n == 0
            ? 0.0
            : prep.missing().numeric() == PrepConfig.NumericImpute.MEAN ? mean : median(present);
    boolean indicator = n < column.size();
    boolean absent = needs.missingAsAbsent();
    return switch (prep.scale()) {
      case STANDARD -> {
        double sd = standardDeviation(present, mean);
        yield new NumericStep(
            column.name(), fill, mean, sd > 0 ? sd : 1.0, indicator, absent, false);
      }
      case NONE -> new NumericStep(column.name(), fill, 0.0, 1.0, indicator, absent, false);
      case MINMAX -> {
        double min = Arrays.stream(present).min().orElse(0.0);
        double max = Arrays.stream(present).max().orElse(0.0);
        yield new NumericStep(
            column.name(), fill, min, max > min ? max - min : 1.0, indicator, absent, true);
      }
    };
  }

  @Override
  public List<String> inputColumns() {
    return List.of(name);
  }

  @Override
  public List<String> featureNames() {
    return indicator ? List.of(name, name + ":missing") : List.of(name);
  }

  @Override
  public StepEncoder encoder(int[] columns, int first, MissingValues missing) {
    int column = columns[0];
    return (fields, out) -> {
      String raw = fields[column];
      boolean absent = missing.isMissing(raw);
      double value = absent ? fill : Numbers.parseOrNaN(raw.strip());
      if (Double.isNaN(value)) {
        throw new RowEncoder.BadValue(name, raw, "numeric");
      }
      if (!(absent && missingAsAbsent)) {
        double feature = (value - center) / scale;
        out.put(first, clip ? Math.min(1.0, Math.max(0.0, feature)) : feature);
      }
      if (indicator && absent) {
        out.put(first + 1, 1.0);
      }
    };
  }

  private static double mean(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return values.length == 0 ? 0.0 : sum / values.length;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  private static double standardDeviation(double[] values, double mean) {
    double sum = 0;
    for (double v : values) {
      sum += (v - mean) * (v - mean);
    }
    return values.length == 0 ? 0.0 : Math.sqrt(sum / values.length);
  }
}
