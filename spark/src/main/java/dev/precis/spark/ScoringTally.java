package dev.precis.spark;

import dev.precis.data.FeatureTally;
import dev.precis.data.LabelTally;
import dev.precis.model.ScoreBins;
import dev.precis.model.ScoredBlock;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a scoring job counted, partition by partition, then added up on the driver: rows scored and
 * skipped (with each reason's count and the first few rows), unseen levels, the scores' sum and
 * deciles, the label values met, and each feature's rows per training bin (for drift).
 */
final class ScoringTally implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final int SHOWN = 10;
  private static final Comparator<Skip> ORDER =
      Comparator.comparingInt(Skip::partition).thenComparingLong(Skip::row);

  private long scored;
  private long skipped;
  private double scoreSum;
  private final TreeMap<String, Long> reasons = new TreeMap<>();
  private final List<Skip> examples = new ArrayList<>();
  private final TreeMap<String, Long> unseen = new TreeMap<>();
  private final TreeMap<Integer, Long> deciles = new TreeMap<>();
  private LabelTally labels;
  private FeatureTally drift;

  /** A row not scored: where it is (its partition and its place there) and why. */
  private record Skip(int partition, long row, String reason) implements Serializable {
    @Override
    public String toString() {
      return "partition " + partition + " row " + row + ": " + reason;
    }
  }

  /** Counts a row that was not scored. */
  void skip(int partition, long row, String reason) {
    skipped++;
    reasons.merge(reason, 1L, Long::sum);
    if (examples.size() < SHOWN) {
      examples.add(new Skip(partition, row, reason));
    }
  }

  /** Counts a scored block: its rows, skips (whose line is the row's place), scores and labels. */
  void add(int partition, ScoredBlock block, ScoreBins bins) {
    for (String skip : block.skipped()) {
      int colon = skip.indexOf(": ");
      skip(partition, Long.parseLong(skip.substring(0, colon)), skip.substring(colon + 2));
    }
    scored += block.rows();
    for (int i = 0; i < block.rows(); i++) {
      double score = block.scores()[i];
      scoreSum += score;
      int bin = bins.bin(score);
      if (bin > 0) {
        deciles.merge(bin, 1L, Long::sum);
      }
    }
    block.unseenLevels().forEach((column, n) -> unseen.merge(column, n, Long::sum));
    if (block.labelValues() != null) {
      if (labels == null) {
        labels = new LabelTally(block.labelValues().positive());
      }
      labels.addAll(block.labelValues());
    }
    addDrift(block.drift());
  }

  private void addDrift(FeatureTally counted) {
    if (counted == null) {
      return;
    }
    if (drift == null) {
      drift = counted.empty();
    }
    drift.merge(counted);
  }

  /** Adds another partition's counts to these. */
  void addAll(ScoringTally other) {
    scored += other.scored;
    skipped += other.skipped;
    scoreSum += other.scoreSum;
    other.reasons.forEach((reason, n) -> reasons.merge(reason, n, Long::sum));
    examples.addAll(other.examples);
    examples.sort(ORDER);
    if (examples.size() > SHOWN) {
      examples.subList(SHOWN, examples.size()).clear();
    }
    other.unseen.forEach((column, n) -> unseen.merge(column, n, Long::sum));
    other.deciles.forEach((bin, n) -> deciles.merge(bin, n, Long::sum));
    if (other.labels != null) {
      if (labels == null) {
        labels = new LabelTally(other.labels.positive());
      }
      labels.addAll(other.labels);
    }
    addDrift(other.drift);
  }

  /** Each feature's rows per training bin; null when the bundle keeps no bins to count in. */
  FeatureTally drift() {
    return drift;
  }

  long scored() {
    return scored;
  }

  long skipped() {
    return skipped;
  }

  double meanScore() {
    return scored == 0 ? 0.0 : scoreSum / scored;
  }

  /** How many rows were skipped for each reason. */
  Map<String, Long> reasons() {
    return new TreeMap<>(reasons);
  }

  /** The first few rows skipped, in partition order, as "partition P row R: reason". */
  List<String> examples() {
    return examples.stream().map(Skip::toString).toList();
  }

  Map<String, Long> unseen() {
    return new TreeMap<>(unseen);
  }

  /** Rows per decile of the training scores (1 = the highest tenth), as precis predict counts. */
  Map<Integer, Long> deciles() {
    return new TreeMap<>(deciles);
  }

  /** The label values met, or null when the rows were not labelled (or none was read). */
  LabelTally labels() {
    return labels;
  }

  boolean isEmpty() {
    return scored == 0 && skipped == 0;
  }
}
