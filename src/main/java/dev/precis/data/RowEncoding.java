package dev.precis.data;

/**
 * Turns the fields of one row of a file into model features. Not thread-safe: one per thread. Two
 * kinds: {@link RowEncoder} applies the pipeline to raw columns; {@link PreparedRowEncoder} reads a
 * part written by `prep`, whose columns already are the features.
 */
public interface RowEncoding {
  /** Indices of the file's columns that {@link #encode} reads. */
  int[] inputColumns();

  int featureCount();

  /**
   * Writes the features of one row into {@code out} (length {@link #featureCount()}).
   *
   * @throws RowEncoder.BadValue when a numeric column holds something that is not a number
   */
  void encode(String[] fields, double[] out);

  /** Categorical values met that training had not seen (see {@link RowEncoder#unseenLevels()}). */
  long unseenLevels();

  /** The target value that marks a positive row in this kind of file. */
  String positiveValue();

  /** The encoding for a file with these columns: prepared when they are the features, else raw. */
  static RowEncoding forFile(
      FeaturePipeline pipeline, java.nio.file.Path file, java.util.List<String> columns) {
    return PreparedRowEncoder.matches(pipeline, columns)
        ? new PreparedRowEncoder(pipeline, columns)
        : pipeline.encoder(file, columns);
  }
}
