package dev.precis.data;

import dev.precis.PrecisException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies a {@link FeaturePipeline} to the raw rows of one file, whose column order it has bound.
 * Not thread-safe: use one per thread.
 */
public final class RowEncoder implements RowEncoding {
  private final MissingValues missing;
  private final FeaturePipeline.NumericColumn[] numeric;
  private final int[] numericIndex;
  private final int[] categoricalIndex;
  private final Map<String, Integer>[] levelFeature;
  private final int[] missingFeature;
  private final int[] otherFeature;
  private final int featureCount;
  private final LabelReader labels;
  private long unseenLevels;

  @SuppressWarnings("unchecked")
  RowEncoder(FeaturePipeline pipeline, Path file, List<String> columns) {
    missing = new MissingValues(pipeline.missingTokens());
    labels = new LabelReader(missing, pipeline.positive());
    numeric = pipeline.numeric().toArray(new FeaturePipeline.NumericColumn[0]);
    numericIndex = new int[numeric.length];
    int feature = 0;
    for (int i = 0; i < numeric.length; i++) {
      numericIndex[i] = columnIndex(pipeline, file, columns, numeric[i].name());
      feature += numeric[i].indicator() ? 2 : 1;
    }
    List<FeaturePipeline.CategoricalColumn> categorical = pipeline.categorical();
    categoricalIndex = new int[categorical.size()];
    levelFeature = new Map[categorical.size()];
    missingFeature = new int[categorical.size()];
    otherFeature = new int[categorical.size()];
    for (int i = 0; i < categorical.size(); i++) {
      FeaturePipeline.CategoricalColumn column = categorical.get(i);
      categoricalIndex[i] = columnIndex(pipeline, file, columns, column.name());
      levelFeature[i] = new HashMap<>();
      for (String level : column.levels()) {
        levelFeature[i].put(level, feature++);
      }
      missingFeature[i] = levelFeature[i].getOrDefault(FeaturePipeline.MISSING_LEVEL, -1);
      otherFeature[i] = levelFeature[i].getOrDefault(FeaturePipeline.OTHER_LEVEL, -1);
    }
    featureCount = feature;
  }

  private static int columnIndex(
      FeaturePipeline pipeline, Path file, List<String> columns, String name) {
    int index = columns.indexOf(name);
    if (index < 0) {
      PrecisException missing = CsvTable.missingColumn(file, name, "the model needs it", columns);
      // A part prep wrote has the features for columns; without its prepared.json it is raw.
      throw columns.containsAll(pipeline.featureNames())
          ? PrecisException.data(
              missing.getMessage()
                  + "; this looks like a part written by `precis prep`: keep prepared.json beside"
                  + " it")
          : missing;
    }
    return index;
  }

  @Override
  public int[] inputColumns() {
    int[] columns =
        java.util.Arrays.copyOf(numericIndex, numericIndex.length + categoricalIndex.length);
    System.arraycopy(categoricalIndex, 0, columns, numericIndex.length, categoricalIndex.length);
    return columns;
  }

  @Override
  public int featureCount() {
    return featureCount;
  }

  @Override
  public LabelReader labels() {
    return labels;
  }

  /**
   * Categorical values met that the training data did not have, in columns that kept every training
   * level (they are encoded as all zeros). In a column with an "(other)" level, values outside the
   * kept levels are expected, rare or new alike, and are not counted.
   */
  @Override
  public long unseenLevels() {
    return unseenLevels;
  }

  @Override
  public void encode(String[] fields, double[] out) {
    java.util.Arrays.fill(out, 0.0);
    int feature = 0;
    for (int i = 0; i < numeric.length; i++) {
      FeaturePipeline.NumericColumn column = numeric[i];
      String raw = fields[numericIndex[i]];
      boolean absent = missing.isMissing(raw);
      double value = absent ? column.fill() : Numbers.parseOrNaN(raw.strip());
      if (Double.isNaN(value)) {
        throw new BadValue(column.name(), raw);
      }
      out[feature++] = (value - column.center()) / column.scale();
      if (column.indicator()) {
        out[feature++] = absent ? 1.0 : 0.0;
      }
    }
    for (int i = 0; i < categoricalIndex.length; i++) {
      String raw = fields[categoricalIndex[i]];
      int target;
      if (missing.isMissing(raw)) {
        target = missingFeature[i];
      } else {
        Integer level = levelFeature[i].get(raw.strip());
        if (level == null) {
          if (otherFeature[i] < 0) {
            unseenLevels++;
          }
          target = otherFeature[i];
        } else {
          target = level;
        }
      }
      if (target >= 0) {
        out[target] = 1.0;
      }
    }
  }

  /** A raw value that cannot be encoded; the caller knows the file and line. */
  public static final class BadValue extends RuntimeException {
    private final String column;
    private final String value;

    BadValue(String column, String value) {
      super("column '" + column + "' is numeric but holds '" + value + "'", null, false, false);
      this.column = column;
      this.value = value;
    }

    public String column() {
      return column;
    }

    public String value() {
      return value;
    }
  }
}
