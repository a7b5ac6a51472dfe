package dev.precis.data;

import dev.precis.config.ColumnType;
import dev.precis.config.PiiRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What each column of a raw file holds, for the prep report: its role and type, how many values are
 * missing, and a summary of the values.
 */
public record DataProfile(long rows, List<ColumnProfile> columns) {

  /**
   * @param role feature, target, id, dropped, or empty (no value on any row: left out)
   * @param type numeric or categorical (features only)
   * @param missing rows where the value is blank or a missing token
   * @param distinct distinct non-missing values
   * @param min smallest value (numeric columns)
   * @param max largest value (numeric columns)
   * @param mean mean value (numeric columns)
   * @param top the most frequent values with their counts (categorical columns)
   */
  public record ColumnProfile(
      String name,
      String role,
      ColumnType type,
      long missing,
      long distinct,
      Double min,
      Double max,
      Double mean,
      Map<String, Long> top) {

    /** The profile without anything that is a value: no min, max, mean or top values. */
    ColumnProfile withoutValues() {
      return new ColumnProfile(name, role, type, missing, distinct, null, null, null, null);
    }
  }

  private static final int TOP = 5;

  public static DataProfile of(
      Preparation preparation, dev.precis.config.DataConfig data, MissingValues missing) {
    CsvTable table = preparation.table();
    Map<String, ColumnType> types = new HashMap<>();
    preparation.schema().features().forEach(spec -> types.put(spec.name(), spec.type()));
    List<ColumnProfile> columns = new ArrayList<>();
    for (int c = 0; c < table.columns().size(); c++) {
      String name = table.columns().get(c);
      String role =
          name.equals(data.target())
              ? "target"
              : name.equals(data.id())
                  ? "id"
                  : types.containsKey(name)
                      ? "feature"
                      : preparation.schema().empty().contains(name) ? "empty" : "dropped";
      ColumnProfile column = profile(table, c, role, types.get(name), missing);
      columns.add(valuesShown(role, name, data) ? column : column.withoutValues());
    }
    return new DataProfile(table.rowCount(), columns);
  }

  /**
   * Whether a column's values may be shown: a feature's or the target's, unless declared personal
   * (a masked column shows the parts kept). The id, dropped columns and personal data found but not
   * declared show none.
   */
  private static boolean valuesShown(String role, String name, dev.precis.config.DataConfig data) {
    PiiRule rule = data.pii().get(name);
    boolean personal =
        rule != null
            && rule.action() != PiiRule.Action.KEEP
            && rule.action() != PiiRule.Action.MASK;
    return (role.equals("feature") || role.equals("target")) && !personal;
  }

  private static ColumnProfile profile(
      CsvTable table, int c, String role, ColumnType type, MissingValues missing) {
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
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    double sum = 0;
    long numbers = 0;
    if (type == ColumnType.NUMERIC) {
      // summed in row order, as the mean has always been
      for (int r = 0; r < values.size(); r++) {
        int code = values.code(r);
        if (absentLevel[code]) {
          continue;
        }
        double v = values.number(code);
        min = Math.min(min, v);
        max = Math.max(max, v);
        sum += v;
        numbers++;
      }
    }
    boolean numeric = type == ColumnType.NUMERIC && numbers > 0;
    Map<String, Long> top = numeric ? null : topValues(counts);
    return new ColumnProfile(
        table.columns().get(c),
        role,
        type,
        absent,
        counts.size(),
        numeric ? min : null,
        numeric ? max : null,
        numeric ? sum / numbers : null,
        top);
  }

  private static Map<String, Long> topValues(Map<String, Long> counts) {
    Map<String, Long> top = new java.util.LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(TOP)
        .forEach(e -> top.put(e.getKey(), e.getValue()));
    return top;
  }
}
