package dev.precis.spark;

import dev.precis.PrecisException;
import dev.precis.evaluate.Evaluation;
import dev.precis.io.InputFile;
import dev.precis.report.EvalReport;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Iterator;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

/**
 * precis eval on Spark: the partitions score their labelled rows, the driver takes the scores and
 * labels back one partition at a time, in the file's order, and measures them with precis eval's
 * own code, so that every figure, gate and exit code is the one precis eval gives on the same file.
 * The driver holds 9 bytes a row (a billion rows: 9 GB).
 */
final class SparkEval {
  private SparkEval() {}

  static EvalReport run(SparkJob job) {
    long start = System.nanoTime();
    job.checkColumns(true);
    TallyAccumulator counts = job.counts("precis eval rows");
    EvalPartition scoring = new EvalPartition(job.shared, job.input.columns(), job.data, counts);
    Iterator<Row> parts =
        job.input
            .rows()
            .mapPartitions(scoring, Encoders.row(EvalPartition.SCHEMA))
            .toLocalIterator();
    double[] scores = new double[1 << 16];
    boolean[] labels = new boolean[1 << 16];
    int rows = 0;
    while (parts.hasNext()) {
      Row part = parts.next();
      ByteBuffer packed = ByteBuffer.wrap((byte[]) part.get(0));
      byte[] partLabels = (byte[]) part.get(1);
      if (rows + partLabels.length > scores.length) {
        int capacity = Math.max(2 * scores.length, rows + partLabels.length);
        scores = Arrays.copyOf(scores, capacity);
        labels = Arrays.copyOf(labels, capacity);
      }
      for (byte label : partLabels) {
        scores[rows] = packed.getDouble();
        labels[rows++] = label == 1;
      }
    }
    if (rows == 0) {
      throw PrecisException.data(job.data + ": has no labelled rows to evaluate");
    }
    ScoringTally tally = counts.value();
    Evaluation.Scored scored =
        new Evaluation.Scored(
            Arrays.copyOf(scores, rows),
            Arrays.copyOf(labels, rows),
            null,
            tally.skipped(),
            tally.examples(),
            tally.unseen(),
            tally.labels(),
            tally.drift());
    return Evaluation.measure(
        job.bundle,
        new InputFile(job.model, job.modelSha256),
        new InputFile(job.data, null),
        job.config(),
        scored,
        null,
        Evaluation.Against.NOTHING,
        start);
  }
}
