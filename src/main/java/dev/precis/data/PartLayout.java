package dev.precis.data;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.precis.config.PrepConfig;

/**
 * How a part written by `prep` holds its rows. Both are CSV files with the target as 1/0 in the
 * last column, and both hold every value exactly (as Java prints a double), so a model reads the
 * same numbers from either.
 */
public enum PartLayout {
  /** A column per feature, named as in pipeline.json: what a spreadsheet shows. */
  @JsonProperty("dense")
  DENSE,
  /**
   * One column, {@link #SPARSE_COLUMN}, of space-separated {@code index:value} pairs: the nonzero
   * features, by their 0-based index in pipeline.json's feature list, in ascending order. A row of
   * a text column holds a few dozen of its thousands of features.
   */
  @JsonProperty("sparse")
  SPARSE;

  /** The header of a sparse part's feature column; the target's column follows it. */
  public static final String SPARSE_COLUMN = "(features)";

  /**
   * Widest parts that {@code auto} writes dense: a spreadsheet still opens them, and a one-hot
   * encoded table (bank: 60 features) stays readable. A text column's vocabulary is far wider.
   */
  static final int DENSE_AUTO_MAX = 1000;

  /** The layout of parts of {@code features} features under {@code prep.layout}. */
  public static PartLayout of(PrepConfig.Layout configured, int features) {
    return switch (configured) {
      case DENSE -> DENSE;
      case SPARSE -> SPARSE;
      case AUTO -> features > DENSE_AUTO_MAX ? SPARSE : DENSE;
    };
  }
}
