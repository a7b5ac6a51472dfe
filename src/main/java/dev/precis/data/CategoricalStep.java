package dev.precis.data;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.precis.config.PrepConfig;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A categorical column one-hot encoded: one 0/1 feature per kept level, "name=level".
 *
 * @param name the column
 * @param levels the kept levels, then {@link FeaturePipeline#OTHER_LEVEL} when rarer ones were
 *     folded into it, then {@link FeaturePipeline#MISSING_LEVEL} when the training rows had missing
 *     values values and no {@code fill}
 * @param other the training levels folded into "(other)", so that a later value can be told apart
 *     as one training never had; null in pipelines written before they were kept (such a value is
 *     then not counted), and left out of pipeline.json when null
 * @param fill the level a missing value is taken to be (prep.missing.categorical: most_frequent or
 *     constant), or null for a "(missing)" level; written to pipeline.json only when set
 */
public record CategoricalStep(
    String name,
    List<String> levels,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<String> other,
    @JsonInclude(JsonInclude.Include.NON_NULL) String fill)
    implements SingleColumnStep {
  public CategoricalStep {
    levels = List.copyOf(levels);
    other = other == null ? null : List.copyOf(other);
  }

  /** A step that gives missing values a level of their own, when the training rows had any. */
  public CategoricalStep(String name, List<String> levels, List<String> other) {
    this(name, levels, other, null);
  }

  /**
   * Keeps the levels held by at least prep.encode.min_count training rows and prep.encode.min_share
   * of them, at most the prep.encode.max_levels most frequent (ties by name), sorted by name;
   * missing values count as the level they are filled in with, or make a "(missing)" level.
   */
  public static CategoricalStep fit(TrainingColumn column, PrepConfig prep) {
    PrepConfig.Encode encode = prep.encode();
    Map<String, Long> counts = levelCounts(column);
    Long missingCount = counts.remove(FeaturePipeline.MISSING_LEVEL);
    String fill = fill(counts, prep.categoricalColumn(column.name()));
    if (fill != null && missingCount != null) {
      counts.merge(fill, missingCount, Long::sum);
    }
    boolean anyMissing = fill == null && missingCount != null;
    double minRows = Math.max(encode.minCount(), encode.minShare() * column.size());
    List<String> levels =
        counts.entrySet().stream()
            .filter(entry -> entry.getValue() >= minRows)
            .sorted(
                Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                    .thenComparing(Map.Entry.comparingByKey()))
            .map(Map.Entry::getKey)
            .limit(encode.maxLevels())
            .sorted()
            .collect(Collectors.toCollection(ArrayList::new));
    TreeSet<String> other = new TreeSet<>(counts.keySet());
    levels.forEach(other::remove);
    if (!other.isEmpty()) {
      levels.add(FeaturePipeline.OTHER_LEVEL);
    }
    if (anyMissing) {
      levels.add(FeaturePipeline.MISSING_LEVEL);
    }
    // none folded is written as none listed, as before levels were listed: the same encoding
    return new CategoricalStep(
        column.name(), levels, other.isEmpty() ? null : List.copyOf(other), fill);
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

  /** How many distinct levels the training rows hold, missing values not counted. */
  static int levelCount(TrainingColumn column) {
    Map<String, Long> counts = levelCounts(column);
    counts.remove(FeaturePipeline.MISSING_LEVEL);
    return counts.size();
  }

  /**
   * Training rows per level, stripped; missing values under {@link FeaturePipeline#MISSING_LEVEL}.
   */
  static Map<String, Long> levelCounts(TrainingColumn column) {
    Map<String, Long> counts = new HashMap<>();
    for (int i = 0; i < column.size(); i++) {
      String level = column.isMissing(i) ? FeaturePipeline.MISSING_LEVEL : column.value(i).strip();
      counts.merge(level, 1L, Long::sum);
    }
    return counts;
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
    private final Set<String> folded;
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
      folded = other == null ? null : Set.copyOf(other);
    }

    @Override
    public void encode(String[] fields, SparseRows out) {
      String raw = fields[column];
      int target;
      if (missing.isMissing(raw)) {
        target = missingFeature;
      } else {
        String value = raw.strip();
        Integer level = feature.get(value);
        if (level == null && (otherFeature < 0 || folded != null && !folded.contains(value))) {
          unseen++;
        }
        target = level == null ? otherFeature : level;
      }
      if (target >= 0) {
        out.put(target, 1.0);
      }
    }

    /**
     * Values that the training rows did not have: they encode as "(other)", or as all zeros when no
     * level was folded. A pipeline that does not list its folded levels cannot tell a new value
     * from a rare one, and counts only those encoded as zeros.
     */
    @Override
    public long unseenLevels() {
      return unseen;
    }
  }
}
