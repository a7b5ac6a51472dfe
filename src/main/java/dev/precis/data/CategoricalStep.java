package dev.precis.data;

import com.fasterxml.jackson.annotation.JsonInclude;
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
 *     values and no {@code fill}
 * @param fill the level a missing value is taken to be (prep.missing.categorical: most_frequent or
 *     constant), or null for a "(missing)" level; written to pipeline.json only when set
 */
public record CategoricalStep(
    String name, List<String> levels, @JsonInclude(JsonInclude.Include.NON_NULL) String fill)
    implements ColumnStep {
  public CategoricalStep {
    levels = List.copyOf(levels);
  }

  /** A step that gives missing values a level of their own, when the training rows had any. */
  public CategoricalStep(String name, List<String> levels) {
    this(name, levels, null);
  }

  /**
   * Keeps the prep.encode.max_levels most frequent levels (ties by name), sorted by name; missing
   * values count as the level they are filled in with, or make a "(missing)" level.
   */
  public static CategoricalStep fit(TrainingColumn column, PrepConfig prep) {
    int maxLevels = prep.encode().maxLevels();
    Map<String, Long> counts = new HashMap<>();
    long missingCount = 0;
    for (int i = 0; i < column.size(); i++) {
      if (column.isMissing(i)) {
        missingCount++;
      } else {
        counts.merge(column.value(i).strip(), 1L, Long::sum);
      }
    }
    String fill = fill(counts, prep.categoricalColumn(column.name()));
    if (fill != null && missingCount > 0) {
      counts.merge(fill, missingCount, Long::sum);
    }
    boolean anyMissing = fill == null && missingCount > 0;
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
    return new CategoricalStep(column.name(), levels, fill);
  }

  /** The level a missing value is filled in with, or null when it gets a level of its own. */
  private static String fill(Map<String, Long> counts, PrepConfig.ColumnPrep settings) {
    return switch (settings.impute()) {
      case LEVEL -> null;
      case CONSTANT -> settings.value().strip();
      case MOST_FREQUENT ->
          counts.entrySet().stream()
              .min(
                  Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                      .thenComparing(Map.Entry.comparingByKey()))
              .map(Map.Entry::getKey)
              .orElse(null);
      case MEAN, MEDIAN -> throw new IllegalStateException("a category has no mean");
    };
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
      otherFeature = feature.getOrDefault(FeaturePipeline.OTHER_LEVEL, -1);
      missingFeature =
          fill == null
              ? feature.getOrDefault(FeaturePipeline.MISSING_LEVEL, -1)
              : feature.getOrDefault(fill, otherFeature);
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
