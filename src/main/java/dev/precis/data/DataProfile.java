package dev.precis.data;

import dev.precis.config.ColumnType;
import dev.precis.config.DataConfig;
import dev.precis.config.PiiRule;
import dev.precis.config.PrepConfig;
import dev.precis.eval.BinaryMetricsCalculator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What each column of a raw file holds, for the prep report: its role, type and why, how many
 * values are missing, a summary of the values, and what to look at (constant, mostly empty, codes
 * that may be categories, a feature that alone predicts the target). Warnings never drop a column:
 * each says which key would.
 *
 * @param rows the file's data rows
 * @param duplicateRows rows identical in every field to an earlier row
 * @param columns every column, in file order
 * @param warnings every column's warnings and the file's, one sentence each
 */
public record DataProfile(
    long rows, long duplicateRows, List<ColumnProfile> columns, List<String> warnings) {

  /**
   * @param role feature, target, treatment (task uplift's arm, never a feature), id, identifier
   *     (left out: it identifies rows), dropped, or empty (no value on any row: left out)
   * @param type the column's type (features and identifiers)
   * @param why why it has that type
   * @param missing rows where the value is blank or a missing token
   * @param missingRate missing as a share of the rows
   * @param distinct distinct non-missing values
   * @param numbers the summary of a numeric column's values
   * @param top the most frequent values with their counts and shares of the values present; empty
   *     where values are not shown (see {@link #valuesShown})
   * @param warnings what to look at in this column
   */
  public record ColumnProfile(
      String name,
      String role,
      ColumnType type,
      String why,
      long missing,
      double missingRate,
      long distinct,
      NumberSummary numbers,
      List<Level> top,
      List<String> warnings) {

    /** The profile without anything that is a value: no numbers or top values. */
    ColumnProfile withoutValues() {
      return new ColumnProfile(
          name, role, type, why, missing, missingRate, distinct, null, List.of(), warnings);
    }
  }

  /** The spread of a numeric column: quantiles are of the values present, by nearest rank. */
  public record NumberSummary(
      double min, double max, double mean, double std, Map<String, Double> quantiles) {}

  /** One value of a column with its count and share of the values present. */
  public record Level(String value, long count, double share) {}

  private static final int TOP = 5;
  private static final double[] QUANTILES = {0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99};

  /** More levels than this make a column's in-sample AUC flattering, so it is not measured. */
  private static final int AUC_MAX_LEVELS = 100;

  public static DataProfile of(Preparation preparation, DataConfig data, PrepConfig prep) {
    CsvTable table = preparation.table();
    Schema schema = preparation.schema();
    MissingValues missing = new MissingValues(prep.missing().tokens());
    Map<String, ColumnType> types = new HashMap<>();
    schema.features().forEach(spec -> types.put(spec.name(), spec.type()));
    int[] train = Preparation.rowsOf(preparation.target(), preparation.splits().train());
    boolean[] labels = new boolean[train.length];
    for (int i = 0; i < train.length; i++) {
      labels[i] = preparation.target().labels()[preparation.splits().train()[i]];
    }
    List<ColumnProfile> columns = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (int c = 0; c < table.columns().size(); c++) {
      String name = table.columns().get(c);
      String role =
          name.equals(data.target())
              ? "target"
              : name.equals(data.treatment())
                  ? "treatment"
                  : name.equals(data.id())
                      ? "id"
                      : types.containsKey(name)
                          ? "feature"
                          : schema.identifiers().contains(name)
                              ? "identifier"
                              : schema.empty().contains(name) ? "empty" : "dropped";
      ColumnType type = role.equals("identifier") ? ColumnType.IDENTIFIER : types.get(name);
      ColumnProfile column =
          profile(
              table,
              c,
              role,
              type,
              schema.reasons().get(name),
              missing,
              prep.profile(),
              train,
              labels);
      columns.add(valuesShown(role, name, data) ? column : column.withoutValues());
      warnings.addAll(column.warnings());
    }
    long duplicates = duplicateRows(table);
    if (duplicates > 0) {
      warnings.add(
          String.format(
              Locale.ROOT,
              "%,d rows (%.1f%%) repeat an earlier row in every field; they count twice in"
                  + " training and may sit in both the training and the test part",
              duplicates,
              100.0 * duplicates / table.rowCount()));
    }
    return new DataProfile(table.rowCount(), duplicates, columns, warnings);
  }

  /**
   * Whether a column's values may be shown: a feature's or the target's, unless declared personal
   * (a masked column shows the parts kept). The id, identifiers, dropped columns and personal data
   * found but not declared show none. The one place that decides what values a report holds.
   */
  private static boolean valuesShown(String role, String name, DataConfig data) {
    PiiRule rule = data.pii().get(name);
    boolean personal =
        rule != null
            && rule.action() != PiiRule.Action.KEEP
            && rule.action() != PiiRule.Action.MASK;
    return (role.equals("feature") || role.equals("target")) && !personal;
  }

  /** The most frequent values, with their counts and shares of the values present. */
  private static List<Level> topLevels(Map<String, Long> counts, long present) {
    List<Level> top = new ArrayList<>();
    counts.entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(TOP)
        .forEach(e -> top.add(new Level(e.getKey(), e.getValue(), share(e.getValue(), present))));
    return top;
  }

  private static ColumnProfile profile(
      CsvTable table,
      int c,
      String role,
      ColumnType type,
      String why,
      MissingValues missing,
      PrepConfig.Profile limits,
      int[] train,
      boolean[] labels) {
    String name = table.columns().get(c);
    TableColumn values = table.column(c);
    // each distinct value is stripped, judged and parsed once; rows are counted by their codes
    long[] perLevel = new long[values.levelCount()];
    for (int r = 0; r < values.size(); r++) {
      perLevel[values.code(r)]++;
    }
    boolean[] absentLevel = new boolean[perLevel.length];
    Map<String, Long> counts = new HashMap<>();
    long absent = 0;
    for (int k = 0; k < perLevel.length; k++) {
      String value = values.level(k).strip();
      absentLevel[k] = missing.isMissing(value);
      if (perLevel[k] == 0) {
        continue;
      }
      if (absentLevel[k]) {
        absent += perLevel[k];
      } else {
        counts.merge(value, perLevel[k], Long::sum);
      }
    }
    long present = values.size() - absent;
    NumberSummary numbers = type == ColumnType.NUMERIC ? numbers(values, absentLevel) : null;
    List<String> warnings = new ArrayList<>();
    if (role.equals("feature")) {
      warn(name, type, counts, present, absent, values.size(), numbers, limits, warnings);
      double auc = auc(values, absentLevel, type, counts.size(), train, labels);
      if (!Double.isNaN(auc) && Math.max(auc, 1 - auc) >= limits.leakAuc()) {
        warnings.add(
            String.format(
                Locale.ROOT,
                "column '%s' alone separates the target with AUC %.3f on the training rows; if its"
                    + " value is known only after the outcome (a leak), set data.drop: [%s]",
                name,
                auc,
                name));
      }
    }
    return new ColumnProfile(
        name,
        role,
        type,
        why,
        absent,
        share(absent, values.size()),
        counts.size(),
        numbers == null || Double.isNaN(numbers.mean()) ? null : numbers,
        numbers == null ? topLevels(counts, present) : null,
        warnings);
  }

  /** The warnings a feature's values call for, each with the key that would act on it. */
  private static void warn(
      String name,
      ColumnType type,
      Map<String, Long> counts,
      long present,
      long absent,
      long rows,
      NumberSummary numbers,
      PrepConfig.Profile limits,
      List<String> warnings) {
    long most = counts.values().stream().mapToLong(Long::longValue).max().orElse(0);
    if (counts.size() == 1) {
      warnings.add(
          "column '"
              + name
              + "' holds the same value on every row that has one; it cannot help a model:"
              + " data.drop: ["
              + name
              + "]");
    } else if (present > 0 && share(most, present) >= limits.nearConstant()) {
      warnings.add(
          String.format(
              Locale.ROOT,
              "column '%s' is nearly constant: one value is %.2f%% of its values; consider"
                  + " data.drop: [%s]",
              name,
              100 * share(most, present),
              name));
    }
    if (share(absent, rows) >= limits.mostlyEmpty()) {
      warnings.add(
          String.format(
              Locale.ROOT,
              "column '%s' is missing on %.1f%% of the rows; consider data.drop: [%s]",
              name,
              100 * share(absent, rows),
              name));
    }
    if (type == ColumnType.NUMERIC
        && numbers != null
        && counts.size() >= 3
        && counts.size() <= limits.codeLevels()
        && numbers.min() >= 1
        && counts.keySet().stream().allMatch(v -> v.chars().allMatch(Character::isDigit))) {
      warnings.add(
          String.format(
              Locale.ROOT,
              "column '%s' holds %d whole numbers from %.0f to %.0f: maybe categorical codes;"
                  + " if so, set data.types: {%s: categorical}",
              name,
              counts.size(),
              numbers.min(),
              numbers.max(),
              name));
    }
  }

  private static NumberSummary numbers(TableColumn values, boolean[] absentLevel) {
    double[] present = new double[values.size()];
    int n = 0;
    for (int r = 0; r < values.size(); r++) {
      int code = values.code(r);
      if (!absentLevel[code]) {
        present[n++] = values.number(code);
      }
    }
    double[] sorted = Arrays.copyOf(present, n);
    double sum = 0;
    for (double v : sorted) {
      sum += v;
    }
    double mean = n == 0 ? Double.NaN : sum / n;
    double squares = 0;
    for (double v : sorted) {
      squares += (v - mean) * (v - mean);
    }
    Arrays.sort(sorted);
    Map<String, Double> quantiles = new LinkedHashMap<>();
    for (double q : QUANTILES) {
      quantiles.put("p" + Math.round(q * 100), n == 0 ? Double.NaN : sorted[nearestRank(q, n)]);
    }
    return new NumberSummary(
        n == 0 ? Double.NaN : sorted[0],
        n == 0 ? Double.NaN : sorted[n - 1],
        mean,
        n < 2 ? 0.0 : Math.sqrt(squares / (n - 1)),
        quantiles);
  }

  /** The index of the q-quantile of n sorted values, by nearest rank. */
  static int nearestRank(double q, int n) {
    return Math.max(0, Math.min(n - 1, (int) Math.ceil(q * n) - 1));
  }

  /**
   * The AUC of the column alone on the training rows where it has a value: its number, or for a
   * category the positive rate of its level; NaN when it cannot be measured (text, too many levels,
   * one class).
   */
  private static double auc(
      TableColumn values,
      boolean[] absentLevel,
      ColumnType type,
      int levels,
      int[] train,
      boolean[] labels) {
    boolean numeric = type == ColumnType.NUMERIC;
    if (!(numeric || type == ColumnType.CATEGORICAL || type == ColumnType.BOOLEAN)
        || (!numeric && levels > AUC_MAX_LEVELS)) {
      return Double.NaN;
    }
    double[] rate = new double[absentLevel.length];
    if (!numeric) {
      long[] seen = new long[rate.length];
      long[] positives = new long[rate.length];
      for (int i = 0; i < train.length; i++) {
        int code = values.code(train[i]);
        seen[code]++;
        positives[code] += labels[i] ? 1 : 0;
      }
      for (int k = 0; k < rate.length; k++) {
        rate[k] = seen[k] == 0 ? 0 : (double) positives[k] / seen[k];
      }
    }
    double[] scores = new double[train.length];
    boolean[] outcome = new boolean[train.length];
    int n = 0;
    long positives = 0;
    for (int i = 0; i < train.length; i++) {
      int code = values.code(train[i]);
      if (absentLevel[code]) {
        continue;
      }
      scores[n] = numeric ? values.number(code) : rate[code];
      outcome[n] = labels[i];
      positives += labels[i] ? 1 : 0;
      n++;
    }
    if (positives == 0 || positives == n) {
      return Double.NaN;
    }
    return BinaryMetricsCalculator.auc(Arrays.copyOf(scores, n), Arrays.copyOf(outcome, n));
  }

  /** Rows equal in every field to an earlier row, compared by their values' codes. */
  private static long duplicateRows(CsvTable table) {
    int width = table.columns().size();
    TableColumn[] columns = new TableColumn[width];
    for (int c = 0; c < width; c++) {
      columns[c] = table.column(c);
    }
    Set<RowKey> seen = new HashSet<>();
    long duplicates = 0;
    int[] codes = new int[width];
    for (int r = 0; r < table.rowCount(); r++) {
      for (int c = 0; c < width; c++) {
        codes[c] = columns[c].code(r);
      }
      if (!seen.add(new RowKey(Arrays.hashCode(codes), hash64(codes)))) {
        duplicates++;
      }
    }
    return duplicates;
  }

  /** Two independent hashes of a row's codes: equal rows share both, distinct rows almost never. */
  private record RowKey(int hash, long hash64) {}

  private static long hash64(int[] codes) {
    long h = 0xcbf29ce484222325L;
    for (int code : codes) {
      h = (h ^ code) * 0x100000001b3L;
    }
    return h;
  }

  private static double share(long part, long whole) {
    return whole == 0 ? 0.0 : (double) part / whole;
  }
}
