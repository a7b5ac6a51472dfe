package dev.precis.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * How raw columns become model features, and how rows are split.
 *
 * @param missing which values count as missing and how numbers are imputed
 * @param encode one-hot encoding limits
 * @param scale whether numeric features are standardised
 * @param split held-out fractions
 * @param text how text columns become features
 * @param layout how `prep` writes its parts: a column per feature, or only the nonzero values
 * @param numeric transforms of every numeric column before it is scaled
 * @param columns per-column settings over the prep-wide ones, by column name
 * @param dates how date columns (data.types: {col: date}) become features
 * @param profile when the profile report warns about a column
 * @param imbalance how the training rows are rebalanced before a fit
 */
public record PrepConfig(
    Missing missing,
    Encode encode,
    Scale scale,
    Split split,
    TextConfig text,
    Layout layout,
    NumericTransforms numeric,
    Map<String, ColumnPrep> columns,
    DatesConfig dates,
    Profile profile,
    Imbalance imbalance) {

  /**
   * When the profile warns about a column; warnings never drop one.
   *
   * @param leakAuc a feature whose AUC alone on the training rows is at least this (or at most 1
   *     minus it) may leak the outcome
   * @param nearConstant a column whose most frequent value is at least this share of its values
   * @param mostlyEmpty a column missing on at least this share of rows
   * @param codeLevels whole numbers from 1 with at most this many distinct values may be codes
   */
  public record Profile(double leakAuc, double nearConstant, double mostlyEmpty, int codeLevels) {
    public static final Profile DEFAULTS = new Profile(0.8, 0.99, 0.5, 20);

    public Profile {
      Check.within(leakAuc, 0.5, 1, "prep.profile.leak_auc");
      Check.within(nearConstant, 0.5, 1, "prep.profile.near_constant");
      Check.within(mostlyEmpty, 0, 1, "prep.profile.mostly_empty");
      Check.atLeast(codeLevels, 0, "prep.profile.code_levels");
    }
  }

  /**
   * @param tokens values that mean "missing" besides an empty field (bank's {@code unknown})
   * @param numeric how a missing number is filled in: mean, median, most_frequent or constant
   * @param categorical how a missing category is encoded: level (its own "(missing)" level),
   *     most_frequent or constant
   * @param indicator whether a numeric column that had missing training values gets a 0/1
   *     "name:missing" feature
   * @param numericValue the fill of numbers under {@code numeric: constant}
   * @param categoricalValue the level of categories under {@code categorical: constant}
   * @param sentinels per numeric column, values that mean "missing" there (bank's pdays 999)
   */
  public record Missing(
      List<String> tokens,
      Impute numeric,
      Impute categorical,
      Boolean indicator,
      Double numericValue,
      String categoricalValue,
      Map<String, List<Double>> sentinels) {
    public Missing {
      tokens = tokens == null ? List.of() : List.copyOf(tokens);
      Check.present(numeric, "prep.missing.numeric");
      categorical = categorical == null ? Impute.LEVEL : categorical;
      indicator = indicator == null || indicator;
      numericValue = numericValue == null ? 0.0 : numericValue;
      categoricalValue = categoricalValue == null ? "(none)" : categoricalValue;
      numeric.checkFor(true, "prep.missing.numeric");
      categorical.checkFor(false, "prep.missing.categorical");
      if (!Double.isFinite(numericValue)) {
        throw new ConfigException("prep.missing.numeric_value", "must be a finite number");
      }
      if (sentinels != null) {
        sentinels.forEach(
            (column, values) -> {
              if (values == null || values.isEmpty() || values.contains(null)) {
                throw new ConfigException(
                    "prep.missing.sentinels." + column, "must list one number or more, e.g. [999]");
              }
            });
      }
      sentinels = sentinels == null ? Map.of() : Map.copyOf(sentinels);
    }

    /** Tokens and a numeric imputation, everything else as by default. */
    public Missing(List<String> tokens, Impute numeric) {
      this(tokens, numeric, null, null, null, null, null);
    }
  }

  /**
   * Transforms of numbers, fitted on the training values, in this order: clipped at the training
   * quantiles, then log1p, then scaled; or cut into quantile bins instead of all that.
   *
   * @param log1p whether a value becomes log(1 + value); for counts and amounts of 0 or more
   * @param clip empty, or the two training quantiles, e.g. [0.01, 0.99], values are clipped at
   * @param bins 0, or how many quantile bins a number is cut into, one 0/1 feature each
   */
  public record NumericTransforms(Boolean log1p, List<Double> clip, Integer bins) {
    public static final NumericTransforms NONE = new NumericTransforms(false, List.of(), 0);

    public NumericTransforms {
      log1p = log1p != null && log1p;
      clip = clip == null ? List.of() : List.copyOf(clip);
      bins = bins == null ? 0 : bins;
      check(clip, bins, "prep.numeric");
    }

    static void check(List<Double> clip, Integer bins, String key) {
      if (clip != null
          && !clip.isEmpty()
          && !(clip.size() == 2
              && 0 <= clip.get(0)
              && clip.get(0) < clip.get(1)
              && clip.get(1) <= 1)) {
        throw new ConfigException(
            key + ".clip",
            "must be [] or two quantiles, low < high, within 0..1, e.g. [0.01, 0.99]");
      }
      if (bins != null && bins != 0) {
        Check.between(bins, 2, 100, key + ".bins");
      }
    }
  }

  /**
   * One column's settings (prep.columns.NAME); a key left out takes the prep-wide setting.
   *
   * @param impute as prep.missing.numeric or prep.missing.categorical, by the column's type
   * @param value the fill under {@code impute: constant}: a number, or a level
   * @param indicator as prep.missing.indicator (numeric columns)
   * @param scale as prep.scale (numeric columns)
   * @param log1p as prep.numeric.log1p
   * @param clip as prep.numeric.clip
   * @param bins as prep.numeric.bins
   */
  public record ColumnPrep(
      Impute impute,
      String value,
      Boolean indicator,
      Scale scale,
      Boolean log1p,
      List<Double> clip,
      Integer bins) {
    static final ColumnPrep NONE = new ColumnPrep(null, null, null, null, null, null, null);

    ColumnPrep withScale(Scale value) {
      return new ColumnPrep(impute, this.value, indicator, value, log1p, clip, bins);
    }

    ColumnPrep withoutTransforms() {
      return new ColumnPrep(impute, value, indicator, null, null, null, null);
    }

    /** Whether any setting only numbers take is given. */
    public boolean numbersOnly() {
      return indicator != null || scale != null || log1p != null || clip != null || bins != null;
    }

    /** These settings, each one not given taken from {@code wide}. */
    ColumnPrep over(ColumnPrep wide) {
      return new ColumnPrep(
          impute != null ? impute : wide.impute,
          value != null ? value : wide.value,
          indicator != null ? indicator : wide.indicator,
          scale != null ? scale : wide.scale,
          log1p != null ? log1p : wide.log1p,
          clip != null ? clip : wide.clip,
          bins != null ? bins : wide.bins);
    }

    void check(String key) {
      NumericTransforms.check(clip, bins, key);
      if (impute == Impute.CONSTANT && value == null) {
        throw new ConfigException(key + ".value", "is required with impute: constant");
      }
    }
  }

  /**
   * How categorical columns are encoded: prep.encode.
   *
   * @param maxLevels most frequent levels kept per one-hot encoded column; the rest become
   *     "(other)"
   * @param minCount training rows a level must hold to be kept, else it goes to "(other)"
   * @param minShare share of the training rows a level must hold to be kept (0 to 1)
   * @param highCardinality what columns with many levels get instead of one-hot
   * @param columns the method per column, overriding high_cardinality: {zip: target}
   */
  public record Encode(
      int maxLevels,
      int minCount,
      double minShare,
      HighCardinality highCardinality,
      Map<String, Method> columns) {
    public Encode {
      Check.atLeast(maxLevels, 1, "prep.encode.max_levels");
      Check.atLeast(minCount, 1, "prep.encode.min_count");
      Check.within(minShare, 0, 1, "prep.encode.min_share");
      highCardinality = highCardinality == null ? HighCardinality.DEFAULTS : highCardinality;
      columns = columns == null ? Map.of() : Map.copyOf(columns);
      columns.forEach((column, method) -> Check.present(method, "prep.encode.columns." + column));
    }

    /** One-hot encoding of up to {@code maxLevels} levels, everything else as by default. */
    public Encode(int maxLevels) {
      this(maxLevels, 1, 0, null, null);
    }

    /** The method for a column with {@code levels} distinct training levels. */
    public Method methodFor(String column, int levels) {
      Method chosen = columns.get(column);
      if (chosen != null) {
        return chosen;
      }
      return levels > highCardinality.above() ? highCardinality.method() : Method.ONEHOT;
    }
  }

  /** How a categorical column becomes features. */
  public enum Method {
    /** A 0/1 feature per kept level. */
    @JsonProperty("onehot")
    ONEHOT,
    /** A 0/1 feature per bucket, the level's bucket chosen by a fixed hash: no vocabulary. */
    @JsonProperty("hashing")
    HASHING,
    /** One feature: the level's smoothed response rate, out-of-fold on the training rows. */
    @JsonProperty("target")
    TARGET
  }

  /**
   * prep.encode.high_cardinality: columns with more than {@code above} training levels.
   *
   * @param above levels beyond which a column is high-cardinality
   * @param method what such a column gets (onehot keeps today's max_levels one-hot encoding)
   * @param buckets hashed features per column, for hashing
   * @param folds out-of-fold folds on the training rows, for target
   * @param smoothing pseudo-rows at the overall rate added to each level's rate, for target: a
   *     level of n rows with p responders encodes as (p + smoothing * prior) / (n + smoothing)
   */
  public record HighCardinality(
      int above, Method method, int buckets, int folds, double smoothing) {
    public static final HighCardinality DEFAULTS =
        new HighCardinality(50, Method.ONEHOT, 32, 5, 20);

    public HighCardinality {
      Check.atLeast(above, 1, "prep.encode.high_cardinality.above");
      Check.present(method, "prep.encode.high_cardinality.method");
      Check.between(buckets, 1, 1 << 20, "prep.encode.high_cardinality.buckets");
      Check.between(folds, 2, 100, "prep.encode.high_cardinality.folds");
      Check.within(smoothing, 0, 1e9, "prep.encode.high_cardinality.smoothing");
    }
  }

  /**
   * @param valid fraction of rows held out for validation
   * @param test fraction of rows held out for the final test
   * @param stratify keep the positive rate equal across the splits
   */
  public record Split(double valid, double test, boolean stratify) {
    public Split {
      Check.within(valid, 0, 0.9, "prep.split.valid");
      Check.within(test, 0, 0.9, "prep.split.test");
      if (valid + test > 0.9) {
        throw new ConfigException(
            "prep.split",
            "valid + test must leave at least 10% to train on (got " + (valid + test) + ")");
      }
    }
  }

  /**
   * How the training rows (never the validation or test rows) are rebalanced before a fit: train
   * and each of tune's folds apply it to the rows they fit on.
   *
   * @param method none, undersample the majority class, oversample the minority class by
   *     duplicating its rows, or weigh the classes
   * @param ratio minority rows (or weight) per majority row after rebalancing, within (0, 1]; 1 is
   *     balanced
   * @param correct whether the bundle maps the scores back to the true base rate (the prior-shift
   *     correction); false leaves scores at the rebalanced rate, which are then no response rates
   */
  public record Imbalance(Rebalance method, double ratio, boolean correct) {
    public static final Imbalance NONE = new Imbalance(Rebalance.NONE, 1.0, true);

    public Imbalance {
      Check.present(method, "prep.imbalance.method");
      if (!(ratio > 0 && ratio <= 1)) {
        throw new ConfigException(
            "prep.imbalance.ratio",
            "must be above 0 and at most 1, minority rows per majority row (got " + ratio + ")");
      }
    }
  }

  /** How the classes are rebalanced. */
  public enum Rebalance {
    @JsonProperty("none")
    NONE,
    /** Keeps every minority row and a seeded random draw of the majority's. */
    @JsonProperty("undersample")
    UNDERSAMPLE,
    /** Keeps every row and repeats minority rows, a seeded random draw for the remainder. */
    @JsonProperty("oversample")
    OVERSAMPLE,
    /** Keeps every row and weighs each minority row more in the fit's loss. */
    @JsonProperty("weights")
    WEIGHTS
  }

  /** How a missing value is filled in. */
  public enum Impute {
    @JsonProperty("median")
    MEDIAN,
    @JsonProperty("mean")
    MEAN,
    /** The most frequent training value (the smallest or first by name among ties). */
    @JsonProperty("most_frequent")
    MOST_FREQUENT,
    /** A configured value. */
    @JsonProperty("constant")
    CONSTANT,
    /** Categories only: a level of its own, "(missing)". */
    @JsonProperty("level")
    LEVEL;

    /** Whether it fills a number in, or a category. */
    public boolean fits(boolean numeric) {
      return numeric ? this != LEVEL : this != MEAN && this != MEDIAN;
    }

    void checkFor(boolean numeric, String key) {
      if (!fits(numeric)) {
        throw new ConfigException(
            key,
            numeric
                ? "must be mean, median, most_frequent or constant (got level)"
                : "must be level, most_frequent or constant (got " + name().toLowerCase() + ")");
      }
    }
  }

  /** How `prep` writes the rows of its parts. */
  public enum Layout {
    /** Dense while the parts are narrow enough to read in a spreadsheet, sparse beyond. */
    @JsonProperty("auto")
    AUTO,
    /** A column per feature. */
    @JsonProperty("dense")
    DENSE,
    /** One column of index:value pairs holding the nonzero features. */
    @JsonProperty("sparse")
    SPARSE
  }

  /** Scaling of numeric features. */
  public enum Scale {
    @JsonProperty("standard")
    STANDARD,
    @JsonProperty("none")
    NONE,
    /** Into [0, 1] by the training range, values beyond it clipped: non-negative features. */
    @JsonProperty("minmax")
    MINMAX,
    /** Centred on the training median, divided by the interquartile range: robust to outliers. */
    @JsonProperty("robust")
    ROBUST,
    /**
     * The normal score of the value's rank among the training values (up to 1,000 training
     * quantiles): heavy tails and spikes spread evenly, as tabular networks are fed.
     */
    @JsonProperty("quantile")
    QUANTILE
  }

  public PrepConfig {
    Check.present(missing, "prep.missing");
    Check.present(encode, "prep.encode");
    Check.present(scale, "prep.scale");
    Check.present(split, "prep.split");
    text = text == null ? TextConfig.DEFAULTS : text;
    layout = layout == null ? Layout.AUTO : layout;
    numeric = numeric == null ? NumericTransforms.NONE : numeric;
    Map<String, ColumnPrep> given = new java.util.HashMap<>();
    if (columns != null) {
      // "age:" with nothing under it is an entry that changes nothing
      columns.forEach((name, c) -> given.put(name, c == null ? ColumnPrep.NONE : c));
    }
    given.forEach((name, c) -> c.check("prep.columns." + name));
    columns = Map.copyOf(given);
    dates = dates == null ? DatesConfig.DEFAULTS : dates;
    profile = profile == null ? Profile.DEFAULTS : profile;
    imbalance = imbalance == null ? Imbalance.NONE : imbalance;
  }

  /** The settings without numeric transforms, per-column settings, dates and profile: defaults. */
  public PrepConfig(
      Missing missing, Encode encode, Scale scale, Split split, TextConfig text, Layout layout) {
    this(missing, encode, scale, split, text, layout, null, null, null, null, null);
  }

  /** These settings with every numeric column scaled so, whatever prep.columns says. */
  public PrepConfig withScale(Scale value) {
    return new PrepConfig(
        missing,
        encode,
        value,
        split,
        text,
        layout,
        numeric,
        mapColumns(c -> c.withScale(null)),
        dates,
        profile,
        imbalance);
  }

  /**
   * These settings with numbers as they are: no scaling, clipping, log1p or bins, for a tree, whose
   * splits depend on the order of values alone (clipping and log1p keep the order, so they change
   * nothing a tree could not do itself; bins would only lose resolution).
   */
  public PrepConfig withRawNumbers() {
    return new PrepConfig(
        missing,
        encode,
        Scale.NONE,
        split,
        text,
        layout,
        NumericTransforms.NONE,
        mapColumns(ColumnPrep::withoutTransforms),
        dates,
        profile,
        imbalance);
  }

  /** The settings of a numeric column: its prep.columns entry over the prep-wide settings. */
  public ColumnPrep numericColumn(String name) {
    ColumnPrep wide =
        new ColumnPrep(
            missing.numeric(),
            String.valueOf(missing.numericValue()),
            missing.indicator(),
            scale,
            numeric.log1p(),
            numeric.clip(),
            numeric.bins());
    return columns.getOrDefault(name, ColumnPrep.NONE).over(wide);
  }

  /** The imputation and fill of a categorical column, as {@link #numericColumn} for numbers. */
  public ColumnPrep categoricalColumn(String name) {
    ColumnPrep wide =
        new ColumnPrep(
            missing.categorical(), missing.categoricalValue(), null, null, null, null, null);
    return columns.getOrDefault(name, ColumnPrep.NONE).over(wide);
  }

  private Map<String, ColumnPrep> mapColumns(java.util.function.UnaryOperator<ColumnPrep> change) {
    Map<String, ColumnPrep> changed = new java.util.HashMap<>();
    columns.forEach((name, settings) -> changed.put(name, change.apply(settings)));
    return changed;
  }

  /** These settings with no validation part: the rows it held go to the training part. */
  public PrepConfig withoutValidation() {
    return new PrepConfig(
        missing,
        encode,
        scale,
        new Split(0, split.test(), split.stratify()),
        text,
        layout,
        numeric,
        columns,
        dates,
        profile,
        imbalance);
  }
}
