package dev.precis.data;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.precis.config.PrepConfig;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A categorical column of many levels as one feature, "name:response_rate": the level's response
 * rate on the training rows, smoothed toward the overall rate (the prior) by {@code smoothing}
 * pseudo-rows, (responders + smoothing * prior) / (rows + smoothing). A level training never had
 * gets the prior (and is counted as unseen); a missing value is a level of its own.
 *
 * <p>The rates come from the labels, so a training row encoded with them would see its own label: a
 * level held by one row would encode as that row's label, and a model would learn to trust the
 * feature far more than it deserves. The training rows therefore get out-of-fold values: the rows
 * are dealt into stratified folds drawn from the seed, and each row is encoded from the other
 * folds' rows alone. Those values live only in memory, for the rows of the table the step was
 * fitted on (see {@link StepEncoder#atRow}); pipeline.json keeps the rates from all the training
 * rows, which every later file is encoded with.
 *
 * @param name the column
 * @param prior the training rows' response rate
 * @param smoothing the pseudo-rows at the prior added to each level
 * @param rates each training level's smoothed rate (missing values under "(missing)")
 * @param outOfFold the training rows' out-of-fold values, or null once read back from disk
 */
public record TargetStep(
    String name,
    double prior,
    double smoothing,
    Map<String, Double> rates,
    @JsonIgnore OutOfFold outOfFold)
    implements SingleColumnStep {

  public TargetStep {
    rates = new TreeMap<>(rates);
  }

  @JsonCreator
  static TargetStep read(
      @JsonProperty("name") String name,
      @JsonProperty("prior") double prior,
      @JsonProperty("smoothing") double smoothing,
      @JsonProperty("rates") Map<String, Double> rates) {
    return new TargetStep(name, prior, smoothing, rates, null);
  }

  /**
   * The out-of-fold value of each fitted row of one table, by table row.
   *
   * @param table the table the step was fitted on; rows of any other table are not these
   * @param rows the table rows, ascending
   * @param values each row's value
   */
  record OutOfFold(CsvTable table, int[] rows, double[] values) {
    /** The row's value, or NaN when it is not one of the fitted rows. */
    double valueOf(CsvTable of, int row) {
      if (of != table) {
        return Double.NaN;
      }
      int at = Arrays.binarySearch(rows, row);
      return at < 0 ? Double.NaN : values[at];
    }
  }

  /**
   * Rates from every training row, and out-of-fold values for each of them from
   * prep.encode.high_cardinality.folds stratified folds drawn from the seed.
   */
  public static TargetStep fit(TrainingColumn column, PrepConfig prep) {
    var settings = prep.encode().highCardinality();
    double m = settings.smoothing();
    boolean[] labels = column.labels();
    int n = column.size();
    Map<String, Integer> codes = new HashMap<>();
    int[] code = new int[n];
    for (int i = 0; i < n; i++) {
      String level = column.isMissing(i) ? FeaturePipeline.MISSING_LEVEL : column.value(i).strip();
      code[i] = codes.computeIfAbsent(level, k -> codes.size());
    }
    int levels = codes.size();
    long[] rows = new long[levels];
    long[] positives = new long[levels];
    for (int i = 0; i < n; i++) {
      rows[code[i]]++;
      positives[code[i]] += labels[i] ? 1 : 0;
    }
    long allPositives = Splits.positives(labels);
    double prior = n == 0 ? 0 : (double) allPositives / n;
    Map<String, Double> rates = new HashMap<>();
    codes.forEach((level, k) -> rates.put(level, smoothed(positives[k], rows[k], prior, m)));

    int folds = Math.min(settings.folds(), Math.max(n, 1));
    double[] values = new double[n];
    for (int[] fold : Splits.folds(labels, folds, column.seed())) {
      long[] foldRows = new long[levels];
      long[] foldPositives = new long[levels];
      long foldAllPositives = 0;
      for (int i : fold) {
        foldRows[code[i]]++;
        foldPositives[code[i]] += labels[i] ? 1 : 0;
        foldAllPositives += labels[i] ? 1 : 0;
      }
      int rest = n - fold.length;
      double restPrior = rest == 0 ? prior : (double) (allPositives - foldAllPositives) / rest;
      for (int i : fold) {
        int k = code[i];
        values[i] = smoothed(positives[k] - foldPositives[k], rows[k] - foldRows[k], restPrior, m);
      }
    }
    Integer[] order = new Integer[n];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, (a, b) -> Integer.compare(column.row(a), column.row(b)));
    int[] tableRows = new int[n];
    double[] sortedValues = new double[n];
    for (int j = 0; j < n; j++) {
      tableRows[j] = column.row(order[j]);
      sortedValues[j] = values[order[j]];
    }
    return new TargetStep(
        column.name(), prior, m, rates, new OutOfFold(column.table(), tableRows, sortedValues));
  }

  /** The level's rate pulled toward the prior; the prior itself for a level with no rows. */
  private static double smoothed(long positives, long rows, double prior, double smoothing) {
    double weight = rows + smoothing;
    return weight == 0 ? prior : (positives + smoothing * prior) / weight;
  }

  @Override
  public List<String> featureNames() {
    return List.of(name + ":response_rate");
  }

  @Override
  public StepEncoder encoder(int[] columns, int first, MissingValues missing) {
    return new Encoder(columns[0], first, missing);
  }

  private final class Encoder implements StepEncoder {
    private final int column;
    private final int first;
    private final MissingValues missing;
    private CsvTable table;
    private int row;
    private long unseen;

    Encoder(int column, int first, MissingValues missing) {
      this.column = column;
      this.first = first;
      this.missing = missing;
    }

    @Override
    public void atRow(CsvTable of, int tableRow) {
      table = of;
      row = tableRow;
    }

    @Override
    public void encode(String[] fields, SparseRows out) {
      double value = outOfFold == null ? Double.NaN : outOfFold.valueOf(table, row);
      table = null;
      if (Double.isNaN(value)) {
        String raw = fields[column];
        boolean absent = missing.isMissing(raw);
        Double rate = rates.get(absent ? FeaturePipeline.MISSING_LEVEL : raw.strip());
        if (rate == null && !absent) {
          unseen++;
        }
        value = rate == null ? prior : rate;
      }
      if (value != 0) {
        out.put(first, value);
      }
    }

    @Override
    public long unseenLevels() {
      return unseen;
    }
  }
}
