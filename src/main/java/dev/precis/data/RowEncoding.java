package dev.precis.data;

import java.util.List;

/**
 * Turns the fields of one row of a file into model features. Not thread-safe: one per thread. Two
 * kinds: {@link RowEncoder} applies the pipeline to raw columns, for any file; {@link
 * PreparedRowEncoder} reads a part that the prepared.json beside it lists (see {@link
 * PreparedManifest#partFor}), whose rows already are the features, dense or sparse.
 */
public interface RowEncoding {
  /** Indices of the file's columns that {@link #encode} reads. */
  int[] inputColumns();

  int featureCount();

  /**
   * Appends the features of one row to {@code out} (of width {@link #featureCount()}) as one row;
   * when it throws, {@code out} is as it was.
   *
   * @throws RowEncoder.BadValue when a field cannot be encoded, such as a numeric column holding
   *     something that is not a number
   */
  void encode(String[] fields, SparseRows out);

  /**
   * Categorical values met that training had not seen, per column with any (see {@link
   * RowEncoder#unseenByColumn()}).
   */
  java.util.Map<String, Long> unseenByColumn();

  /** Categorical values met that training had not seen, in all columns. */
  default long unseenLevels() {
    return unseenByColumn().values().stream().mapToLong(Long::longValue).sum();
  }

  /** How the target is read in this kind of file. */
  LabelReader labels();

  /**
   * The encoding for a file with these columns: as a part prep wrote when {@code prepared} (the
   * prepared.json beside it lists it), else through the pipeline, whatever its columns.
   *
   * @throws dev.precis.PrecisException (data) when a column the encoding needs is absent
   */
  static RowEncoding forFile(
      FeaturePipeline pipeline, java.nio.file.Path file, List<String> columns, boolean prepared) {
    return prepared
        ? new PreparedRowEncoder(pipeline, file, columns)
        : pipeline.encoder(file, columns);
  }
}
