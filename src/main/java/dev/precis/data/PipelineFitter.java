package dev.precis.data;

import dev.precis.config.ColumnType;
import dev.precis.config.PrepConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Fits a {@link FeaturePipeline} on the training rows of a table. */
public final class PipelineFitter {
  private PipelineFitter() {}

  /**
   * @param rows the training rows (indices into the table); nothing else is looked at
   * @throws dev.precis.PrecisException (data) when a numeric column holds a non-number
   */
  public static FeaturePipeline fit(
      CsvTable table,
      List<ColumnSpec> columns,
      int[] rows,
      PrepConfig prep,
      String target,
      String positive,
      String id) {
    MissingValues missing = new MissingValues(prep.missing().tokens());
    List<FeaturePipeline.NumericColumn> numeric = new ArrayList<>();
    List<FeaturePipeline.CategoricalColumn> categorical = new ArrayList<>();
    for (ColumnSpec spec : columns) {
      int c = table.indexOf(spec.name(), "feature");
      if (spec.type() == ColumnType.NUMERIC) {
        numeric.add(fitNumeric(table, c, rows, missing, prep));
      } else {
        categorical.add(fitCategorical(table, c, rows, missing, prep.encode().maxLevels()));
      }
    }
    return new FeaturePipeline(target, positive, id, prep.missing().tokens(), numeric, categorical);
  }

  private static FeaturePipeline.NumericColumn fitNumeric(
      CsvTable table, int c, int[] rows, MissingValues missing, PrepConfig prep) {
    String name = table.columns().get(c);
    double[] values = new double[rows.length];
    int n = 0;
    for (int r : rows) {
      String raw = table.rows().get(r)[c];
      if (missing.isMissing(raw)) {
        continue;
      }
      double value = Numbers.parseOrNaN(raw.strip());
      if (Double.isNaN(value)) {
        throw DataFiles.error(
            table.file(),
            table.lines()[r],
            "column '"
                + name
                + "' is numeric but holds '"
                + raw
                + "'; fix the value, list it in prep.missing.tokens, or set data.types."
                + name
                + ": categorical");
      }
      values[n++] = value;
    }
    double[] present = Arrays.copyOf(values, n);
    double mean = mean(present);
    double fill =
        n == 0
            ? 0.0
            : prep.missing().numeric() == PrepConfig.NumericImpute.MEAN ? mean : median(present);
    boolean standard = prep.scale() == PrepConfig.Scale.STANDARD;
    double sd = standardDeviation(present, mean);
    return new FeaturePipeline.NumericColumn(
        name, fill, standard ? mean : 0.0, standard && sd > 0 ? sd : 1.0, n < rows.length);
  }

  private static FeaturePipeline.CategoricalColumn fitCategorical(
      CsvTable table, int c, int[] rows, MissingValues missing, int maxLevels) {
    Map<String, Long> counts = new HashMap<>();
    boolean anyMissing = false;
    for (int r : rows) {
      String raw = table.rows().get(r)[c];
      if (missing.isMissing(raw)) {
        anyMissing = true;
      } else {
        counts.merge(raw.strip(), 1L, Long::sum);
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
            .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
    if (counts.size() > maxLevels) {
      levels.add(FeaturePipeline.OTHER_LEVEL);
    }
    if (anyMissing) {
      levels.add(FeaturePipeline.MISSING_LEVEL);
    }
    return new FeaturePipeline.CategoricalColumn(table.columns().get(c), levels);
  }

  private static double mean(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return values.length == 0 ? 0.0 : sum / values.length;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  private static double standardDeviation(double[] values, double mean) {
    double sum = 0;
    for (double v : values) {
      sum += (v - mean) * (v - mean);
    }
    return values.length == 0 ? 0.0 : Math.sqrt(sum / values.length);
  }
}
