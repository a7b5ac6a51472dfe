package dev.precis.spark;

import org.apache.spark.util.AccumulatorV2;

/**
 * Adds up the partitions' tallies on the driver. Spark merges the updates of successful tasks only,
 * and a job of one stage (these have no shuffle) runs each partition to success once, so the counts
 * are exact even when a task is retried.
 */
final class TallyAccumulator extends AccumulatorV2<ScoringTally, ScoringTally> {
  private static final long serialVersionUID = 1L;
  private ScoringTally tally = new ScoringTally();

  @Override
  public boolean isZero() {
    return tally.isEmpty();
  }

  @Override
  public AccumulatorV2<ScoringTally, ScoringTally> copy() {
    TallyAccumulator copy = new TallyAccumulator();
    copy.tally.addAll(tally);
    return copy;
  }

  @Override
  public void reset() {
    tally = new ScoringTally();
  }

  @Override
  public void add(ScoringTally partition) {
    tally.addAll(partition);
  }

  @Override
  public void merge(AccumulatorV2<ScoringTally, ScoringTally> other) {
    tally.addAll(other.value());
  }

  @Override
  public ScoringTally value() {
    return tally;
  }
}
