package dev.precis.data;

import dev.precis.config.PrepConfig;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A categorical column one-hot encoded: one 0/1 feature per kept level, "name=level".
 *
 * @param name the column
 * @param levels the kept levels, then {@link FeaturePipeline#OTHER_LEVEL} when rarer ones were
 *     folded into it, then {@link FeaturePipeline#MISSING_LEVEL} when the training rows had missing
 *     values
 */
public record CategoricalStep(String name, List<String> levels) implements ColumnStep {
  public CategoricalStep {
    levels = List.copyOf(levels);
  }

  /** Keeps the prep.encode.max_levels most frequent levels (ties by name), sorted by name. */
  public static CategoricalStep fit(TrainingColumn column, PrepConfig prep) {
    int maxLevels = prep.encode().maxLevels();
    Map<String, Long> counts = new HashMap<>();
    boolean anyMissing = false;
    for (int i = 0; i < column.size(); i++) {
      if (column.isMissing(i)) {
        anyMissing = true;
      } else {
        counts.merge(column.value(i).strip(), 1L, Long::sum);
      }
    }
    List<String> levels =
        counts.entrySet().stream()
            .sorted(
                Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                    .thenComparing(Map.Entry.comparingByKey()))
            .map(Map.Entry::getKey)
            .limit(maxLevels)
            .sorted()
            .collect(Collectors.toCollection(ArrayList::new));
    if (counts.size() > maxLevels) {
      levels.add(FeaturePipeline.OTHER_LEVEL);
    }
    if (anyMissing) {
      levels.add(FeaturePipeline.MISSING_LEVEL);
    }
    return new CategoricalStep(column.name(), levels);
  }

  @Override
  public List<String> inputColumns() {
    return List.of(name);
  }

  @Override
  public List<String> featureNames() {
    return levels.stream().map(level -> name + "=" + level).toList();
  }

  @Override
  public StepEncoder encoder(int[] columns, int first, MissingValues missing) {
    return new Encoder(columns[0], first, missing);
  }

  /** Looks levels up in a map of its own; counts values outside them when nothing takes those. */
  private final class Encoder implements StepEncoder {
    private final int column;
    private final MissingValues missing;
    private final Map<String, Integer> feature = new HashMap<>();
    private final int missingFeature;
    private final int otherFeature;
    private long unseen;

    Encoder(int column, int first, MissingValues missing) {
      this.column = column;
      this.missing = missing;
      for (int i = 0; i < levels.size(); i++) {
        feature.put(levels.get(i), first + i);
      }
      missingFeature = feature.getOrDefault(FeaturePipeline.MISSING_LEVEL, -1);
      otherFeature = feature.getOrDefault(FeaturePipeline.OTHER_LEVEL, -1);
    }

    @Override
    public void encode(String[] fields, SparseRows out) {
      String raw = fields[column];
      int target;
      if (missing.isMissing(raw)) {
        target = missingFeature;
      } else {
        Integer level = feature.get(raw.strip());
        if (level == null && otherFeature < 0) {
          unseen++;
        }
        target = level == null ? otherFeature : level;
      }
      if (target >= 0) {
        out.put(target, 1.0);
      }
    }

    /**
     * Values that the training rows did not have, in a column that kept every training level (they
     * encode as all zeros). With an "(other)" level, values outside the kept ones are expected,
     * rare or new alike, and are not counted.
     */
    @Override
    public long unseenLevels() {
      return unseen;
    }
  }
}
