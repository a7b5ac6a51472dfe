package dev.precis.spark;

import dev.precis.model.ModelBundle;
import dev.precis.model.RowScorer;
import dev.precis.model.ScoredBlock;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.Row;

/**
 * One partition's rows through the bundle's public per-row scorer, block by block: the bundle is
 * read and the scorer built once per partition; rows that cannot be scored (a malformed record, no
 * label, a value the pipeline refuses) are counted in the tally with their reason.
 */
final class PartitionRows {
  private static final int BLOCK = 4096;

  private final Iterator<Row> input;
  private final ModelBundle bundle;
  private final RowScorer scorer;
  private final boolean[] read;
  private final int malformed;
  private final int partition;
  private final ScoringTally tally = new ScoringTally();
  private long row;

  /**
   * @param columns the data columns; the row's field after them marks a malformed record
   * @param labels read the target: eval's rows
   */
  PartitionRows(
      Iterator<Row> input,
      SharedBundle shared,
      List<String> columns,
      String source,
      boolean labels) {
    this.input = input;
    this.bundle = shared.read();
    this.scorer =
        new RowScorer(
            bundle, columns, new RowScorer.Options(Path.of(source), false, !labels, labels, true));
    bundle.featureTally().ifPresent(bins -> scorer.measuringDrift(bins));
    this.read = scorer.columnsRead();
    this.malformed = columns.size();
    TaskContext task = TaskContext.get();
    this.partition = task == null ? 0 : task.partitionId();
  }

  ModelBundle bundle() {
    return bundle;
  }

  /** The next block of scored rows (perhaps none scored), or null after the partition's last. */
  ScoredBlock next() {
    if (!input.hasNext()) {
      return null;
    }
    String[] fields = new String[read.length];
    for (int added = 0; added < BLOCK && input.hasNext(); ) {
      Row next = input.next();
      row++;
      if (!next.isNullAt(malformed)) {
        tally.skip(partition, row, "malformed record: not one field per column of the header");
        continue;
      }
      for (int c = 0; c < read.length; c++) {
        // the reader keeps empty fields as empty text; a short Parquet row has nulls
        fields[c] = read[c] ? (next.isNullAt(c) ? "" : next.getString(c)) : null;
      }
      if (scorer.add(row, fields)) {
        added++;
      }
    }
    ScoredBlock block = scorer.score();
    tally.add(partition, block, bundle.bins());
    return block;
  }

  /** What the partition counted; complete once {@link #next} returned null. */
  ScoringTally tally() {
    return tally;
  }
}
