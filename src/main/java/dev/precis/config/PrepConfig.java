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
 * @param profile when the profile report warns about a column
 */
public record PrepConfig(
    Missing missing,
    Encode encode,
    Scale scale,
    Split split,
    TextConfig text,
    Layout layout,
    Profile profile) {

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
    profile = profile == null ? Profile.DEFAULTS : profile;
  }

  public PrepConfig withScale(Scale value) {
    return new PrepConfig(missing, encode, value, split, text, layout, profile);
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
        profile);
  }
}
