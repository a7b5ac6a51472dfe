package dev.precis.spark;

import dev.precis.PrecisException;
import dev.precis.report.ReportHeader;
import dev.precis.report.Reports;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

/**
 * precis predict on Spark: each partition scores its rows through the bundle's per-row scorer, and
 * Spark writes them as a directory of parts (CSV or Parquet) with precis predict's columns; the
 * counts, skipped rows by reason included, go to {@code <out>.summary.json}.
 */
final class SparkPredict {
  private SparkPredict() {}

  /**
   * @param format csv or parquet
   * @param force replace an existing output and summary
   */
  static SparkPredictSummary run(SparkJob job, String out, String format, boolean force) {
    long start = System.nanoTime();
    job.checkSelection();
    job.checkColumns(false);
    String summaryFile = out.replaceAll("/+$", "") + ".summary.json";
    if (!force && SparkFiles.exists(out, job.hadoop())) {
      throw PrecisException.usage(
          out + ": already exists; pass --force to replace it, or choose another --out");
    }
    boolean csv = format.equals("csv");
    String id = job.bundle.pipeline().id();
    TallyAccumulator counts = job.counts("precis predict rows");
    PredictPartition scoring =
        new PredictPartition(job.shared, job.input.columns(), job.data, id, csv, counts);
    Dataset<Row> scored =
        job.input.rows().mapPartitions(scoring, Encoders.row(PredictPartition.schema(id, csv)));
    int partitions = scored.rdd().getNumPartitions();
    var writer = scored.write().mode(force ? SaveMode.Overwrite : SaveMode.ErrorIfExists);
    if (csv) {
      // as precis predict writes: a header, no quotes unless needed, empty ids as empty fields
      writer.option("header", true).option("quote", "\"").option("escape", "\"").csv(out);
    } else {
      writer.parquet(out);
    }
    ScoringTally tally = counts.value();
    double seconds = Reports.secondsSince(start);
    SparkPredictSummary summary =
        new SparkPredictSummary(
            ReportHeader.now(SparkPredictSummary.SCHEMA),
            job.model,
            job.data,
            out,
            format,
            tally.scored(),
            tally.skipped(),
            tally.reasons(),
            tally.examples(),
            tally.unseen().values().stream().mapToLong(Long::longValue).sum(),
            tally.unseen(),
            tally.meanScore(),
            tally.deciles(),
            partitions,
            job.spark.version(),
            seconds,
            Math.round(tally.scored() / Math.max(seconds, 1e-3)));
    SparkFiles.write(summaryFile, Reports.json(summary), true, job.hadoop(), "--out");
    return summary;
  }
}
