package dev.precis.data;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.precis.config.ConfigException;
import dev.precis.config.PrepConfig;
import java.util.List;

/**
 * A numeric column: a missing value (blank, a token, or one of the column's sentinels) becomes
 * {@code fill}, or is left out of the row for a model that handles missing values itself; a value
 * is clipped into [floor, ceiling] when those are set, becomes log(1 + value) under {@code log1p},
 * and the feature is then (x - center) / scale, clipped into [0, 1] when {@code clip} is set.
 *
 * <p>Every part added after the first format is written to pipeline.json only when it does
 * something, so that the pipelines of earlier versions read, encode and hash as before.
 *
 * @param name the column
 * @param fill what a missing value is taken to be (before clipping and log1p), unless {@code
 *     missingAsAbsent}
 * @param indicator whether an extra 0/1 feature, "name:missing", marks rows where it was missing
 * @param missingAsAbsent whether a missing value is left out of the row instead of filled in (the
 *     indicator is set all the same)
 * @param clip whether the feature is clipped into [0, 1]: min-max scaled steps, whose later values
 *     may lie beyond the training range
 * @param sentinels numbers that mean "missing" in this column (bank's pdays 999)
 * @param floor the training quantile values are raised to, or null
 * @param ceiling the training quantile values are lowered to, or null
 * @param log1p whether a value becomes log(1 + value); a later negative one is taken as 0
 * @param quantiles under prep.scale quantile, the training values at evenly spaced probabilities
 *     (see {@link NormalScores}): the feature is the value's normal score, not (x - center) /
 *     scale; empty otherwise
 */
public record NumericStep(
    String name,
    double fill,
    double center,
    double scale,
    boolean indicator,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean missingAsAbsent,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean clip,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Double> sentinels,
    @JsonInclude(JsonInclude.Include.NON_NULL) Double floor,
    @JsonInclude(JsonInclude.Include.NON_NULL) Double ceiling,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean log1p,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Double> quantiles)
    implements SingleColumnStep {

  public NumericStep {
    sentinels = sentinels == null ? List.of() : List.copyOf(sentinels);
    quantiles = quantiles == null ? List.of() : List.copyOf(quantiles);
  }

  /** A step of the parts the first format had: fill, centre and scale, with no transform. */
  public NumericStep(
      String name,
      double fill,
      double center,
      double scale,
      boolean indicator,
      boolean missingAsAbsent,
      boolean clip) {
    this(
        name,
        fill,
        center,
        scale,
        indicator,
        missingAsAbsent,
        clip,
        List.of(),
        null,
        null,
        false,
        List.of());
  }

  /** Reads a step from pipeline.json, where the later parts appear only when they are set. */
  @JsonCreator
  static NumericStep read(
      @JsonProperty("name") String name,
      @JsonProperty("fill") double fill,
      @JsonProperty("center") double center,
      @JsonProperty("scale") double scale,
      @JsonProperty("indicator") boolean indicator,
      @JsonProperty("missing_as_absent") Boolean missingAsAbsent,
      @JsonProperty("clip") Boolean clip,
      @JsonProperty("sentinels") List<Double> sentinels,
      @JsonProperty("floor") Double floor,
      @JsonProperty("ceiling") Double ceiling,
      @JsonProperty("log1p") Boolean log1p,
      @JsonProperty("quantiles") List<Double> quantiles) {
    return new NumericStep(
        name,
        fill,
        center,
        scale,
        indicator,
        Boolean.TRUE.equals(missingAsAbsent),
        Boolean.TRUE.equals(clip),
        sentinels,
        floor,
        ceiling,
        Boolean.TRUE.equals(log1p),
        quantiles);
  }

  /**
   * Fills in as the column's imputation says (prep.columns.NAME.impute, else prep.missing.numeric),
   * or leaves missing values out when the family needs that; clips at the training quantiles
   * prep.numeric.clip names and takes log1p when asked; then centres and scales under prep.scale:
   * standard (mean 0, standard deviation 1), minmax (into [0, 1] by the training range), robust
   * (median 0, interquartile range 1, or standard deviation 1 where the quartiles are equal) or
   * quantile (the normal score of the value's rank among the training values).
   *
   * @param prep the prep settings as the family needs them (see {@link PipelineNeeds#prep})
   * @throws dev.precis.PrecisException (data) when a value is not a number, or is negative under
   *     log1p; a ConfigException when a constant fill is not a number
   */
  public static NumericStep fit(TrainingColumn column, PrepConfig prep, PipelineNeeds needs) {
    PrepConfig.ColumnPrep settings = prep.numericColumn(column.name());
    NumericSample sample = NumericSample.of(column);
    double fill = fill(sample, settings, column.name());
    boolean indicator = settings.indicator() && sample.size() < column.size();
    boolean absent = needs.missingAsAbsent();
    List<Double> sentinels = prep.missing().sentinels().getOrDefault(column.name(), List.of());
    List<Double> quantiles = settings.clip();
    Double floor = quantiles.isEmpty() ? null : sample.quantile(quantiles.get(0));
    Double ceiling = quantiles.isEmpty() ? null : sample.quantile(quantiles.get(1));
    NumericStep unscaled =
        new NumericStep(
            column.name(),
            fill,
            0.0,
            1.0,
            indicator,
            absent,
            false,
            sentinels,
            floor,
            ceiling,
            settings.log1p(),
            List.of());
    if (settings.log1p()) {
      refuseNegatives(column, unscaled);
    }
    NumericSample x = sample.map(unscaled::transform);
    return switch (settings.scale()) {
      case STANDARD -> {
        double sd = x.standardDeviation();
        yield unscaled.scaled(x.mean(), sd > 0 ? sd : 1.0, false, List.of());
      }
      case NONE -> unscaled;
      case MINMAX ->
          unscaled.scaled(x.min(), x.max() > x.min() ? x.max() - x.min() : 1.0, true, List.of());
      case ROBUST -> {
        // A column mostly of one value (bank's previous, 0 for 86%) has no spread between its
        // quartiles; dividing by 1 would leave its other values at their raw size, so the
        // standard deviation stands in.
        double iqr = x.quantile(0.75) - x.quantile(0.25);
        double sd = x.standardDeviation();
        yield unscaled.scaled(x.median(), iqr > 0 ? iqr : sd > 0 ? sd : 1.0, false, List.of());
      }
      case QUANTILE -> unscaled.scaled(0, 1, false, NormalScores.fit(x));
    };
  }

  /** The fill of a numeric column under its imputation. */
  static double fill(NumericSample sample, PrepConfig.ColumnPrep settings, String column) {
    return switch (settings.impute()) {
      case MEAN -> sample.mean();
      case MEDIAN -> sample.median();
      case MOST_FREQUENT -> sample.mostFrequent();
      case CONSTANT -> {
        double value = Numbers.parseOrNaN(settings.value().strip());
        if (Double.isNaN(value)) {
          throw new ConfigException(
              "prep.columns." + column + ".value",
              "column '"
                  + column
                  + "' is numeric: the fill must be a number (got '"
                  + settings.value()
                  + "')");
        }
        yield value;
      }
      case LEVEL -> throw new IllegalStateException("a number has no missing level");
    };
  }

  private static void refuseNegatives(TrainingColumn column, NumericStep step) {
    for (int i = 0; i < column.size(); i++) {
      if (!column.isMissing(i) && step.clipped(column.number(i)) < 0) {
        throw column.error(
            i,
            "column '"
                + column.name()
                + "' holds "
                + column.value(i).strip()
                + ", but log1p (prep.numeric.log1p or prep.columns."
                + column.name()
                + ".log1p) is for counts and amounts of 0 or more; turn it off for this column,"
                + " or clip it with a lower quantile of 0 or more");
      }
    }
  }

  /**
   * This step scaling (x - center) / scale, clipped into [0, 1] when {@code clip}, or, where there
   * are quantiles, taking the normal score of x among them.
   */
  private NumericStep scaled(double center, double scale, boolean clip, List<Double> quantiles) {
    return new NumericStep(
        name,
        fill,
        center,
        scale,
        indicator,
        missingAsAbsent,
        clip,
        sentinels,
        floor,
        ceiling,
        log1p,
        quantiles);
  }

  /** Whether the first pipeline format holds this step: it fills in and transforms nothing. */
  boolean inFormat1() {
    return !missingAsAbsent
        && !clip
        && sentinels.isEmpty()
        && floor == null
        && ceiling == null
        && !log1p
        && quantiles.isEmpty();
  }

  private double clipped(double value) {
    double low = floor == null ? value : Math.max(floor, value);
    return ceiling == null ? low : Math.min(ceiling, low);
  }

  /** A value clipped and log1p'd as the step says, before it is centred and scaled. */
  private double transform(double value) {
    double x = clipped(value);
    return log1p ? Math.log1p(Math.max(0.0, x)) : x;
  }

  @Override
  public List<String> featureNames() {
    return indicator ? List.of(name, name + ":missing") : List.of(name);
  }

  /**
   * A number column's value in a row: {@code fill} where it is missing.
   *
   * @throws RowEncoder.BadValue when it is present and no number
   */
  static double valueOf(String raw, boolean absent, double fill, String column) {
    double value = absent ? fill : Numbers.parseOrNaN(raw.strip());
    if (Double.isNaN(value)) {
      throw new RowEncoder.BadValue(column, raw, "numeric");
    }
    return value;
  }

  @Override
  public StepEncoder encoder(int[] columns, int first, MissingValues missing) {
    int column = columns[0];
    MissingValues own = missing.withSentinels(sentinels);
    NormalScores normal = quantiles.isEmpty() ? null : new NormalScores(quantiles);
    return (fields, out) -> {
      String raw = fields[column];
      boolean absent = own.isMissing(raw);
      double value = valueOf(raw, absent, fill, name);
      if (!(absent && missingAsAbsent)) {
        double x = transform(value);
        double feature = normal == null ? (x - center) / scale : normal.apply(x);
        out.put(first, clip ? Math.min(1.0, Math.max(0.0, feature)) : feature);
      }
      if (indicator && absent) {
        out.put(first + 1, 1.0);
      }
    };
  }
}
