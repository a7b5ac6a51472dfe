package dev.precis.spark;

import dev.precis.model.ScoredBlock;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Scores a labelled partition into one row: its scores and labels, in the partition's order, packed
 * as bytes (9 a row), for the driver to measure with precis eval's own code. The partition's counts
 * go to the job's accumulator.
 */
final class EvalPartition implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;

  /** One row per partition: its scores (8-byte doubles) and labels (a byte each). */
  static final StructType SCHEMA =
      DataTypes.createStructType(
          List.of(
              DataTypes.createStructField("scores", DataTypes.BinaryType, false),
              DataTypes.createStructField("labels", DataTypes.BinaryType, false)));

  private final SharedBundle bundle;
  private final List<String> columns;
  private final String source;
  private final TallyAccumulator counts;

  EvalPartition(SharedBundle bundle, List<String> columns, String source, TallyAccumulator counts) {
    this.bundle = bundle;
    this.columns = List.copyOf(columns);
    this.source = source;
    this.counts = counts;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> input) {
    PartitionRows rows = new PartitionRows(input, bundle, columns, source, true);
    ByteBuffer scores = ByteBuffer.allocate(1 << 16);
    byte[] labels = new byte[1 << 13];
    int n = 0;
    ScoredBlock block;
    while ((block = rows.next()) != null) {
      if (scores.remaining() < 8 * block.rows()) {
        ByteBuffer grown =
            ByteBuffer.allocate(
                Math.max(2 * scores.capacity(), scores.position() + 8 * block.rows()));
        scores.flip();
        scores = grown.put(scores);
        labels = Arrays.copyOf(labels, grown.capacity() / 8);
      }
      for (int i = 0; i < block.rows(); i++) {
        scores.putDouble(block.scores()[i]);
        labels[n++] = (byte) (block.labels()[i] ? 1 : 0);
      }
    }
    counts.add(rows.tally());
    byte[] packed = Arrays.copyOf(scores.array(), scores.position());
    return List.of(RowFactory.create(packed, Arrays.copyOf(labels, n))).iterator();
  }
}
