package dev.precis.data;

import java.util.List;

/**
 * Rows turned into model features, with their labels.
 *
 * @param featureNames one name per column of {@code x}
 * @param x one feature vector per row
 * @param y whether each row is a positive (a responder)
 */
public record EncodedData(List<String> featureNames, double[][] x, boolean[] y) {
  public int rows() {
    return x.length;
  }

  /** How many rows are positive. */
  public long positives() {
    long n = 0;
    for (boolean label : y) {
      if (label) {
        n++;
      }
    }
    return n;
  }

  /** The rows at the given indices, in that order. */
  public EncodedData subset(int[] indices) {
    double[][] sx = new double[indices.length][];
    boolean[] sy = new boolean[indices.length];
    for (int i = 0; i < indices.length; i++) {
      sx[i] = x[indices[i]];
      sy[i] = y[indices[i]];
    }
    return new EncodedData(featureNames, sx, sy);
  }

  /** These rows followed by {@code more}'s, which must have the same features. */
  public EncodedData concat(EncodedData more) {
    double[][] cx = java.util.Arrays.copyOf(x, x.length + more.rows());
    System.arraycopy(more.x(), 0, cx, x.length, more.rows());
    boolean[] cy = java.util.Arrays.copyOf(y, y.length + more.rows());
    System.arraycopy(more.y(), 0, cy, y.length, more.rows());
    return new EncodedData(featureNames, cx, cy);
  }

  /** Encodes the given labelled rows of a table. */
  public static EncodedData encode(
      CsvTable table, FeaturePipeline pipeline, Target target, int[] which) {
    RowEncoder encoder = pipeline.encoder(table.file(), table.columns());
    double[][] x = new double[which.length][];
    boolean[] y = new boolean[which.length];
    for (int i = 0; i < which.length; i++) {
      int row = target.rows()[which[i]];
      x[i] = new double[encoder.featureCount()];
      try {
        encoder.encode(table.rows().get(row), x[i]);
      } catch (RowEncoder.BadValue e) {
        throw DataFiles.error(
            table.file(),
            table.lines()[row],
            e.getMessage() + "; fix the value or list it in prep.missing.tokens");
      }
      y[i] = target.labels()[which[i]];
    }
    return new EncodedData(pipeline.featureNames(), x, y);
  }
}
