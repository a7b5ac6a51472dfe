package dev.precis.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * How raw columns become model features, and how rows are split.
 *
 * @param missing which values count as missing and how numbers are imputed
 * @param encode one-hot encoding limits
 * @param scale whether numeric features are standardised
 * @param split held-out fractions
 * @param text how text columns become features
 * @param layout how `prep` writes its parts: a column per feature, or only the nonzero values
 * @param imbalance how the training rows are rebalanced before a fit
 */
public record PrepConfig(
    Missing missing,
    Encode encode,
    Scale scale,
    Split split,
    TextConfig text,
    Layout layout,
    Imbalance imbalance) {

  /** Settings that leave the class balance as it is. */
  public PrepConfig(
      Missing missing, Encode encode, Scale scale, Split split, TextConfig text, Layout layout) {
    this(missing, encode, scale, split, text, layout, Imbalance.NONE);
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
   * @param maxLevels most frequent levels kept per categorical column; the rest become "(other)"
   */
  public record Encode(int maxLevels) {
    public Encode {
      Check.atLeast(maxLevels, 1, "prep.encode.max_levels");
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
  public record Imbalance(Method method, double ratio, boolean correct) {
    public static final Imbalance NONE = new Imbalance(Method.NONE, 1.0, true);

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
  public enum Method {
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
    imbalance = imbalance == null ? Imbalance.NONE : imbalance;
  }

  public PrepConfig withScale(Scale value) {
    return new PrepConfig(missing, encode, value, split, text, layout, imbalance);
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
        imbalance);
  }
}
