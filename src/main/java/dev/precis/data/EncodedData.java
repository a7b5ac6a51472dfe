package dev.precis.data;

import java.util.List;

/**
 * Rows turned into model features, with their labels. The features are sparse: a row holds its
 * nonzero values only.
 *
 * @param featureNames one name per feature, the width of {@code x}
 * @param x one row of features per labelled row
 * @param y whether each row is a positive (a responder)
 * @param sequences the runs of features that hold a text's tokens in order; none unless the
 *     pipeline gives texts as sequences
 */
public record EncodedData(
    List<String> featureNames, SparseRows x, boolean[] y, List<TokenSequence> sequences) {
  /** Rows with no text given as a token sequence. */
  public EncodedData(List<String> featureNames, SparseRows x, boolean[] y) {
    this(featureNames, x, y, List.of());
  }

  public EncodedData {
    featureNames = List.copyOf(featureNames);
    sequences = List.copyOf(sequences);
    if (x.rows() != y.length || x.width() != featureNames.size()) {
      throw new IllegalArgumentException(
          x.rows() + " rows of " + x.width() + " features for " + y.length + " labels");
    }
  }

  /** No rows, of the pipeline's features. */
  public static EncodedData empty(FeaturePipeline pipeline) {
    List<String> names = pipeline.featureNames();
    return new EncodedData(
        names, new SparseRows(names.size()), new boolean[0], pipeline.sequences());
  }

  public int rows() {
    return y.length;
  }

  /** How many rows are positive. */
  public long positives() {
    return Splits.positives(y);
  }

  /** The rows at the given indices, in that order. */
  public EncodedData subset(int[] indices) {
    boolean[] sy = new boolean[indices.length];
    for (int i = 0; i < indices.length; i++) {
      sy[i] = y[indices[i]];
    }
    return new EncodedData(featureNames, x.subset(indices), sy, sequences);
  }

  /** These rows followed by {@code more}'s, which must have the same features. */
  public EncodedData concat(EncodedData more) {
    boolean[] cy = java.util.Arrays.copyOf(y, y.length + more.rows());
    System.arraycopy(more.y(), 0, cy, y.length, more.rows());
    return new EncodedData(featureNames, x.concat(more.x()), cy, sequences);
  }

  /** Encodes the given labelled rows of a table. */
  public static EncodedData encode(
      CsvTable table, FeaturePipeline pipeline, Target target, int[] which) {
    RowEncoder encoder = pipeline.encoder(table.file(), table.columns());
    SparseRows x = new SparseRows(encoder.featureCount());
    boolean[] y = new boolean[which.length];
    String[] fields = new String[table.columns().size()];
    for (int i = 0; i < which.length; i++) {
      int row = target.rows()[which[i]];
      try {
        table.readRow(row, fields);
        encoder.encode(fields, x);
      } catch (RowEncoder.BadValue e) {
        throw DataFiles.error(
            table.file(),
            table.lines()[row],
            e.getMessage() + "; fix the value or list it in prep.missing.tokens");
      }
      y[i] = target.labels()[which[i]];
    }
    return new EncodedData(pipeline.featureNames(), x.trimmed(), y, pipeline.sequences());
  }
}
