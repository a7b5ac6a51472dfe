package dev.precis.data;

import dev.precis.PrecisException;
import dev.precis.config.ColumnType;
import dev.precis.config.DataConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides which columns are features and whether each is numeric or categorical. A column is
 * numeric when its non-missing values are numbers; when nearly all are (95%) and a few are not, the
 * few are reported as bad values rather than turning the column into categories.
 */
public final class SchemaInference {
  /** A column this much numeric is numeric, and its other values are bad values, not categories. */
  private static final double NUMERIC_SHARE = 0.95;

  private SchemaInference() {}

  /** The feature columns of a table: every column but the target, the id and the dropped ones. */
  public static List<ColumnSpec> infer(CsvTable table, DataConfig data, MissingValues missing) {
    checkNamedColumnsExist(table, data);
    Set<String> excluded = new java.util.HashSet<>(data.drop());
    excluded.add(data.target());
    if (data.id() != null) {
      excluded.add(data.id());
    }
    List<ColumnSpec> specs = new ArrayList<>();
    for (int c = 0; c < table.columns().size(); c++) {
      String name = table.columns().get(c);
      if (!excluded.contains(name)) {
        ColumnType declared = data.types().get(name);
        specs.add(new ColumnSpec(name, declared != null ? declared : inferType(table, c, missing)));
      }
    }
    if (specs.isEmpty()) {
      throw PrecisException.data(
          table.file() + ": no feature columns left after removing the target, id and data.drop");
    }
    return specs;
  }

  private static void checkNamedColumnsExist(CsvTable table, DataConfig data) {
    if (data.target() == null) {
      throw PrecisException.usage(
          "no target column: pass --target COLUMN or set data.target in the config");
    }
    table.indexOf(data.target(), "data.target");
    if (data.id() != null) {
      table.indexOf(data.id(), "data.id");
    }
    for (String column : data.drop()) {
      table.indexOf(column, "data.drop");
    }
    for (Map.Entry<String, ColumnType> type : data.types().entrySet()) {
      table.indexOf(type.getKey(), "data.types");
    }
  }

  private static ColumnType inferType(CsvTable table, int column, MissingValues missing) {
    long numbers = 0;
    long others = 0;
    int firstOther = -1;
    List<String[]> rows = table.rows();
    for (int r = 0; r < rows.size(); r++) {
      String value = rows.get(r)[column];
      if (missing.isMissing(value)) {
        continue;
      }
      if (Numbers.isNumber(value)) {
        numbers++;
      } else {
        others++;
        if (firstOther < 0) {
          firstOther = r;
        }
      }
    }
    if (others == 0 && numbers > 0) {
      return ColumnType.NUMERIC;
    }
    if (numbers >= NUMERIC_SHARE * (numbers + others)) {
      String name = table.columns().get(column);
      throw DataFiles.error(
          table.file(),
          table.lines()[firstOther],
          "column '"
              + name
              + "' holds numbers but this row has '"
              + rows.get(firstOther)[column]
              + "'"
              + (others > 1 ? " (and " + (others - 1) + " more rows like it)" : "")
              + "; fix the value, list it in prep.missing.tokens, "
              + "or set data.types."
              + name
              + ": categorical");
    }
    return ColumnType.CATEGORICAL;
  }
}
