package dev.precis.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a part written by `prep` (train.csv, valid.csv, test.csv): its columns are the pipeline's
 * features, already encoded, and the target as 1/0. Only for a file that the prepared.json beside
 * it lists: a raw file can have the same columns.
 */
final class PreparedRowEncoder implements RowEncoding {
  private final List<String> features;
  private final int[] columns;

  /**
   * @throws dev.precis.PrecisException (data) unless the file's columns are the pipeline's features
   *     and its target, as prep wrote them
   */
  PreparedRowEncoder(FeaturePipeline pipeline, Path file, List<String> fileColumns) {
    features = pipeline.featureNames();
    List<String> expected = new ArrayList<>(features);
    expected.add(pipeline.target());
    if (!fileColumns.equals(expected)) {
      throw DataFiles.error(
          file,
          1,
          "changed since prep wrote it: its columns are not the features of the pipeline it was"
              + " prepared with; run `precis prep` again");
    }
    columns = new int[features.size()];
    for (int f = 0; f < columns.length; f++) {
      columns[f] = f;
    }
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
  public void encode(String[] fields, SparseRows out) {
    for (int f = 0; f < columns.length; f++) {
      double value = Numbers.parseOrNaN(fields[columns[f]]);
      if (Double.isNaN(value)) {
        out.dropRow();
        throw new RowEncoder.BadValue(features.get(f), fields[columns[f]], "numeric");
      }
      out.put(f, value);
    }
    out.endRow();
  }

  @Override
  public long unseenLevels() {
    return 0;
  }

  @Override
  public LabelReader labels() {
    return LabelReader.PREPARED;
  }
}
