package dev.precis.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which of the user's columns made each encoded feature, so that figures per feature (one-hot
 * levels, missing indicators, terms) can be folded back into the column a person knows. A step that
 * reads several columns counts as one column named "a+b"; steps reading the same column (a number
 * and its missing indicator) fold together.
 *
 * @param names the columns, in pipeline order
 * @param inputs each column's input columns in the data, parallel to {@code names}
 * @param columnOf the index in {@code names} of each feature's column
 */
public record FeatureColumns(List<String> names, List<List<String>> inputs, int[] columnOf) {
  public FeatureColumns {
    names = List.copyOf(names);
    inputs = List.copyOf(inputs);
  }

  public static FeatureColumns of(FeaturePipeline pipeline) {
    Map<String, Integer> index = new LinkedHashMap<>();
    List<List<String>> inputs = new ArrayList<>();
    int[] columnOf = new int[pipeline.featureCount()];
    int first = 0;
    for (ColumnStep step : pipeline.steps()) {
      String name = String.join("+", step.inputColumns());
      Integer column = index.get(name);
      if (column == null) {
        column = index.size();
        index.put(name, column);
        inputs.add(List.copyOf(step.inputColumns()));
      }
      int count = step.featureCount();
      for (int f = first; f < first + count; f++) {
        columnOf[f] = column;
      }
      first += count;
    }
    return new FeatureColumns(new ArrayList<>(index.keySet()), inputs, columnOf);
  }

  /** How many columns. */
  public int size() {
    return names.size();
  }

  /** Which features each column made. */
  public boolean[] features(int column) {
    boolean[] features = new boolean[columnOf.length];
    for (int f = 0; f < columnOf.length; f++) {
      features[f] = columnOf[f] == column;
    }
    return features;
  }

  /** Per-feature figures summed per column. */
  public double[] fold(double[] perFeature) {
    double[] perColumn = new double[names.size()];
    for (int f = 0; f < columnOf.length; f++) {
      perColumn[columnOf[f]] += perFeature[f];
    }
    return perColumn;
  }
}
