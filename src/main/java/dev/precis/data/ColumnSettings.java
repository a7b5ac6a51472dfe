package dev.precis.data;

import dev.precis.config.ColumnType;
import dev.precis.config.ConfigException;
import dev.precis.config.PrepConfig;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks the per-column settings (prep.columns, prep.missing.sentinels) against the feature columns
 * once their types are known: each names a feature column, and asks only what its type takes.
 */
final class ColumnSettings {
  private ColumnSettings() {}

  /**
   * @throws ConfigException naming the key, for a column that is not a feature or a setting its
   *     type does not take
   */
  static void check(PrepConfig prep, List<ColumnSpec> columns) {
    Map<String, ColumnType> types =
        columns.stream().collect(Collectors.toMap(ColumnSpec::name, ColumnSpec::type));
    prep.columns()
        .forEach(
            (name, settings) -> {
              String key = "prep.columns." + name;
              ColumnType type = typeOf(types, name, key);
              boolean numeric = type == ColumnType.NUMERIC;
              if (type == ColumnType.TEXT) {
                throw new ConfigException(key, "'" + name + "' is a text column: it takes none");
              }
              if (settings.impute() != null && !settings.impute().fits(numeric)) {
                throw new ConfigException(
                    key + ".impute",
                    numeric
                        ? "'" + name + "' is numeric: mean, median, most_frequent or constant"
                        : "'" + name + "' is categorical: level, most_frequent or constant");
              }
              if (!numeric && settings.numbersOnly()) {
                throw new ConfigException(
                    key,
                    "'"
                        + name
                        + "' is categorical: only impute and value apply (indicator, scale, log1p,"
                        + " clip and bins are for numbers)");
              }
            });
    prep.missing()
        .sentinels()
        .keySet()
        .forEach(
            name -> {
              String key = "prep.missing.sentinels." + name;
              if (typeOf(types, name, key) != ColumnType.NUMERIC) {
                throw new ConfigException(
                    key,
                    "'"
                        + name
                        + "' is not numeric: list a value that means missing there in"
                        + " prep.missing.tokens");
              }
            });
  }

  private static ColumnType typeOf(Map<String, ColumnType> types, String name, String key) {
    ColumnType type = types.get(name);
    if (type == null) {
      throw new ConfigException(
          key,
          "no feature column '"
              + name
              + "' (the features are "
              + String.join(", ", types.keySet().stream().sorted().toList())
              + ")");
    }
    return type;
  }
}
