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
 * @param dates how date columns (data.types: {col: date}) become features
 */
public record PrepConfig(
    Missing missing,
    Encode encode,
    Scale scale,
    Split split,
    TextConfig text,
    Layout layout,
    DatesConfig dates) {

  /** These settings as before dates had any: the dates' defaults. */
  public PrepConfig(
      Missing missing, Encode encode, Scale scale, Split split, TextConfig text, Layout layout) {
    this(missing, encode, scale, split, text, layout, null);
  }

  /**
   * @param tokens values that mean "missing" besides an empty field (bank's {@code unknown})
   * @param numeric how a missing number is filled in; an indicator feature marks it either way
   */
  public record Missing(List<String> tokens, NumericImpute numeric) {
    public Missing {
      tokens = tokens == null ? List.of() : List.copyOf(tokens);
      Check.present(numeric, "prep.missing.numeric");
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

  /** Imputation of missing numbers. */
  public enum NumericImpute {
    @JsonProperty("median")
    MEDIAN,
    @JsonProperty("mean")
    MEAN
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
    MINMAX
  }

  public PrepConfig {
    Check.present(missing, "prep.missing");
    Check.present(encode, "prep.encode");
    Check.present(scale, "prep.scale");
    Check.present(split, "prep.split");
    text = text == null ? TextConfig.DEFAULTS : text;
    layout = layout == null ? Layout.AUTO : layout;
    dates = dates == null ? DatesConfig.DEFAULTS : dates;
  }

  public PrepConfig withScale(Scale value) {
    return new PrepConfig(missing, encode, value, split, text, layout, dates);
  }

  /** These settings with no validation part: the rows it held go to the training part. */
  public PrepConfig withoutValidation() {
    return new PrepConfig(
        missing, encode, scale, new Split(0, split.test(), split.stratify()), text, layout, dates);
  }
}
