package dev.precis.data;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The fitted transformation from raw columns to the model's numeric features: imputation and
 * scaling of numbers, one-hot encoding of categories. Fitted on training rows only, saved as
 * pipeline.json in the model bundle, and applied unchanged to any file that is scored later.
 *
 * @param target the target column
 * @param positive the target value that counts as a response
 * @param id the column that identifies a row, or null
 * @param missingTokens raw values that mean "missing" besides a blank field
 * @param numeric numeric columns, in feature order
 * @param categorical categorical columns, in feature order after the numeric ones
 */
public record FeaturePipeline(
    String target,
    String positive,
    String id,
    List<String> missingTokens,
    List<NumericColumn> numeric,
    List<CategoricalColumn> categorical) {

  /** The level that stands for a missing category. */
  public static final String MISSING_LEVEL = "(missing)";

  /** The level that stands for every category too rare to keep. */
  public static final String OTHER_LEVEL = "(other)";

  /**
   * A numeric column: missing values become {@code fill}; the feature is (x - center) / scale.
   *
   * @param indicator whether an extra 0/1 feature marks rows where the value was missing
   */
  public record NumericColumn(
      String name, double fill, double center, double scale, boolean indicator) {}

  /** A categorical column with its kept levels, one 0/1 feature each. */
  public record CategoricalColumn(String name, List<String> levels) {}

  public FeaturePipeline {
    missingTokens = List.copyOf(missingTokens);
    numeric = List.copyOf(numeric);
    categorical = List.copyOf(categorical);
  }

  /** Names of the output features, in order: "age", "age:missing", "job=admin.", ... */
  @JsonIgnore
  public List<String> featureNames() {
    List<String> names = new ArrayList<>();
    for (NumericColumn column : numeric) {
      names.add(column.name());
      if (column.indicator()) {
        names.add(column.name() + ":missing");
      }
    }
    for (CategoricalColumn column : categorical) {
      for (String level : column.levels()) {
        names.add(column.name() + "=" + level);
      }
    }
    return names;
  }

  /** The raw columns a file must have to be scored. */
  @JsonIgnore
  public List<String> inputColumns() {
    List<String> columns = new ArrayList<>();
    numeric.forEach(c -> columns.add(c.name()));
    categorical.forEach(c -> columns.add(c.name()));
    return columns;
  }

  /** An encoder for rows of a file with these columns; a data error if one it needs is absent. */
  public RowEncoder encoder(Path file, List<String> columns) {
    return new RowEncoder(this, file, columns);
  }
}
