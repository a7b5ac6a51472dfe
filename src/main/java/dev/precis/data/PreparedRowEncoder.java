package dev.precis.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a part written by `prep` (train.csv, valid.csv, test.csv): the pipeline's features, already
 * encoded, in either {@link PartLayout}, and the target as 1/0. Only for a file that the
 * prepared.json beside it lists: a raw file can have the same columns. The header tells the layout:
 * the part's digest, checked against prepared.json, vouches that it is the header prep wrote.
 */
final class PreparedRowEncoder implements RowEncoding {
  private final List<String> features;
  private final PartLayout layout;
  private final int[] columns;

  /**
   * @throws dev.precis.PrecisException (data) unless the file's columns are the pipeline's features
   *     (dense) or the sparse feature column (sparse), then its target, as prep wrote them
   */
  PreparedRowEncoder(FeaturePipeline pipeline, Path file, List<String> fileColumns) {
    features = pipeline.featureNames();
    List<String> dense = new ArrayList<>(features);
    dense.add(pipeline.target());
    if (fileColumns.equals(dense)) {
      layout = PartLayout.DENSE;
      columns = new int[features.size()];
      for (int f = 0; f < columns.length; f++) {
        columns[f] = f;
      }
    } else if (fileColumns.equals(List.of(PartLayout.SPARSE_COLUMN, pipeline.target()))) {
      layout = PartLayout.SPARSE;
      columns = new int[] {0};
    } else {
      throw DataFiles.error(
          file,
          1,
          "changed since prep wrote it: its columns are not the features of the pipeline it was"
              + " prepared with; run `precis prep` again");
    }
  }

  /** The layout the header shows. */
  PartLayout layout() {
    return layout;
  }

  @Override
  public int[] inputColumns() {
    return columns.clone();
  }

  @Override
  public int featureCount() {
    return features.size();
  }

  @Override
  public void encode(String[] fields, SparseRows out) {
    if (layout == PartLayout.SPARSE) {
      encodeSparse(fields[0], out);
      return;
    }
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

  /** Reads the {@code index:value} pairs of a sparse row, separated by single spaces. */
  private void encodeSparse(String field, SparseRows out) {
    int previous = -1;
    for (int at = 0; at < field.length(); ) {
      int end = field.indexOf(' ', at);
      end = end < 0 ? field.length() : end;
      int colon = field.indexOf(':', at);
      int index = colon > at && colon < end ? index(field, at, colon) : -1;
      double value = index > previous ? Numbers.parseOrNaN(field.substring(colon + 1, end)) : 0;
      if (index <= previous || Double.isNaN(value)) {
        out.dropRow();
        throw new RowEncoder.BadValue(
            PartLayout.SPARSE_COLUMN,
            field.substring(at, end),
            "index:value pairs of features 0 to " + (features.size() - 1) + " in ascending order");
      }
      out.put(index, value);
      previous = index;
      at = end + 1;
    }
    out.endRow();
  }

  /** The feature index in {@code field[from, to)}, or -1 when it is not one of the pipeline's. */
  private int index(String field, int from, int to) {
    try {
      int index = Integer.parseInt(field, from, to, 10);
      return index < features.size() ? index : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  @Override
  public java.util.Map<String, Long> unseenByColumn() {
    return java.util.Map.of();
  }

  @Override
  public LabelReader labels() {
    return LabelReader.PREPARED;
  }
}
