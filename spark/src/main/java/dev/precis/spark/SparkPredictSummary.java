package dev.precis.spark;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.precis.report.ReportHeader;
import java.util.List;
import java.util.Map;

/**
 * What precis-spark predict did, written beside its output directory ({@code <out>.summary.json}):
 * the counts and figures of precis predict's report that a distributed run knows, with the skipped
 * rows counted by reason.
 *
 * @param format the output's format: csv or parquet
 * @param skippedReasons how many rows were skipped for each reason
 * @param skipped the first few rows skipped, as "partition P row R: reason"
 * @param deciles rows per decile of the training scores (1 = the highest tenth)
 * @param partitions how many tasks scored the data
 */
public record SparkPredictSummary(
    @JsonUnwrapped ReportHeader about,
    String model,
    String data,
    String output,
    String format,
    long rows,
    long skippedRows,
    Map<String, Long> skippedReasons,
    List<String> skipped,
    long unseenLevels,
    Map<String, Long> unseenByColumn,
    double meanScore,
    Map<Integer, Long> deciles,
    int partitions,
    String sparkVersion,
    double seconds,
    double rowsPerSecond) {
  public static final String SCHEMA = "precis.spark-predict/1";
}
