package dev.precis.data;

import java.util.List;

/**
 * Reads a part written by `prep` (train.csv, valid.csv, test.csv): its columns are the pipeline's
 * features, already encoded, and the target as 1/0.
 */
final class PreparedRowEncoder implements RowEncoding {
  private final List<String> features;
  private final int[] columns;

  PreparedRowEncoder(FeaturePipeline pipeline, List<String> fileColumns) {
    features = pipeline.featureNames();
    columns = new int[features.size()];
    for (int f = 0; f < columns.length; f++) {
      columns[f] = fileColumns.indexOf(features.get(f));
    }
  }

  /** Whether a file's columns are exactly the pipeline's features and its target. */
  static boolean matches(FeaturePipeline pipeline, List<String> fileColumns) {
    List<String> expected = new java.util.ArrayList<>(pipeline.featureNames());
    expected.add(pipeline.target());
    return fileColumns.equals(expected);
  }

  @Override
  public int[] inputColumns() {
    return columns.clone();
  }

  @Override
  public int featureCount() {
    return columns.length;
  }

  @Override
  public void encode(String[] fields, double[] out) {
    for (int f = 0; f < columns.length; f++) {
      double value = Numbers.parseOrNaN(fields[columns[f]]);
      if (Double.isNaN(value)) {
        throw new RowEncoder.BadValue(features.get(f), fields[columns[f]]);
      }
      out[f] = value;
    }
  }

  @Override
  public long unseenLevels() {
    return 0;
  }

  @Override
  public String positiveValue() {
    return "1";
  }
}
