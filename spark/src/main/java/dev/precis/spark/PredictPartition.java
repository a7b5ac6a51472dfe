package dev.precis.spark;

import dev.precis.model.ScoreBins;
import dev.precis.model.ScoredBlock;
import dev.precis.predict.ScoreFormat;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Scores a partition into precis predict's columns: the id (when the model has one), the score and
 * its decile among the training scores. A CSV gets the score as precis writes it (six decimals), a
 * Parquet file the number itself. Rows stream through, a block at a time; the partition's counts go
 * to the job's accumulator at its end.
 */
final class PredictPartition implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;
  private final SharedBundle bundle;
  private final List<String> columns;
  private final String source;
  private final boolean hasId;
  private final boolean textScores;
  private final TallyAccumulator counts;

  /**
   * @param id the bundle's id column, or null
   * @param textScores write scores as precis predict prints them (CSV output)
   */
  PredictPartition(
      SharedBundle bundle,
      List<String> columns,
      String source,
      String id,
      boolean textScores,
      TallyAccumulator counts) {
    this.bundle = bundle;
    this.columns = List.copyOf(columns);
    this.source = source;
    this.hasId = id != null;
    this.textScores = textScores;
    this.counts = counts;
  }

  /** The output's columns: precis predict's, named as its header names them. */
  static StructType schema(String id, boolean textScores) {
    List<StructField> fields = new java.util.ArrayList<>();
    if (id != null) {
      fields.add(DataTypes.createStructField(id, DataTypes.StringType, true));
    }
    fields.add(
        DataTypes.createStructField(
            "score", textScores ? DataTypes.StringType : DataTypes.DoubleType, false));
    fields.add(DataTypes.createStructField("decile", DataTypes.IntegerType, false));
    return DataTypes.createStructType(fields);
  }

  @Override
  public Iterator<Row> call(Iterator<Row> input) {
    PartitionRows rows = new PartitionRows(input, bundle, columns, source, false);
    ScoreBins bins = rows.bundle().bins();
    return new Iterator<>() {
      private ScoredBlock block;
      private int next;
      private boolean done;

      @Override
      public boolean hasNext() {
        while (!done && (block == null || next == block.rows())) {
          block = rows.next();
          next = 0;
          if (block == null) {
            done = true;
            counts.add(rows.tally());
          }
        }
        return !done;
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        int i = next++;
        double score = block.scores()[i];
        Object shown = textScores ? text(score) : score;
        int decile = bins.bin(score);
        return hasId
            ? RowFactory.create(block.ids()[i], shown, decile)
            : RowFactory.create(shown, decile);
      }
    };
  }

  private static String text(double score) {
    StringBuilder out = new StringBuilder(10);
    ScoreFormat.append(out, ScoreFormat.micros(score));
    return out.toString();
  }
}
