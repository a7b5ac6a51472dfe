package dev.precis.data;

import dev.precis.PrecisException;
import dev.precis.config.ColumnType;
import dev.precis.config.DataConfig;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides which columns are features and whether each is numeric or categorical. A column is
 * numeric when its non-missing values are numbers; when nearly all are (95%) and a few are not, the
 * few are reported as bad values rather than turning the column into categories. A column with no
 * value on any row is left out, with a warning. A categorical column with a different value on
 * nearly every row looks like an identifier: it stays a feature (only data.drop removes one), with
 * a warning. One that looks like free text (many distinct values, most with spaces, long) stays a
 * categorical column too, with a warning that suggests data.types: {col: text}: Precis cannot be
 * sure that a column is prose, so it asks rather than switching.
 */
public final class SchemaInference {
  /** A column this much numeric is numeric, and its other values are bad values, not categories. */
  private static final double NUMERIC_SHARE = 0.95;

  /**
   * A categorical column whose distinct values are at least this share of its values looks like an
   * identifier: nearly every level is seen once, so as a feature it cannot generalise.
   */
  private static final double IDENTIFIER_SHARE = 0.95;

  /** Values needed before a column can look like an identifier: in tiny files, every value does. */
  private static final int IDENTIFIER_MIN_VALUES = 20;

  /** Values needed before a column can look like free text. */
  private static final int TEXT_MIN_VALUES = 20;

  /** Free text has at least this share of distinct values among its values. */
  private static final double TEXT_DISTINCT_SHARE = 0.3;

  /** Most values of free text hold a space between words. */
  private static final double TEXT_SPACED_SHARE = 0.5;

  /** Free text is this many characters long on average; labels and codes are shorter. */
  private static final double TEXT_MEAN_LENGTH = 20;

  private SchemaInference() {}

  /** The feature columns of a table: every column but the target, the id and the dropped ones. */
  public static Schema infer(CsvTable table, DataConfig data, MissingValues missing) {
    checkNamedColumnsExist(table, data);
    Set<String> excluded = new HashSet<>(data.drop());
    excluded.add(data.target());
    if (data.id() != null) {
      excluded.add(data.id());
    }
    List<ColumnSpec> features = new ArrayList<>();
    List<String> empty = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (int c = 0; c < table.columns().size(); c++) {
      String name = table.columns().get(c);
      if (excluded.contains(name)) {
        continue;
      }
      Values values = Values.scan(table, c, missing);
      if (values.present() == 0) {
        empty.add(name);
        warnings.add(
            "column '" + name + "' is empty on every row (or holds only missing tokens); left out");
        continue;
      }
      ColumnType declared = data.types().get(name);
      ColumnType type =
          declared != null ? declared : values.type(table, name, PersonalData.of(data).hides(name));
      features.add(new ColumnSpec(name, type));
      FreeText text =
          type == ColumnType.CATEGORICAL ? FreeText.scan(table.column(c), missing) : null;
      if (text != null && text.looksLikeText()) {
        warnings.add(
            "column '"
                + name
                + "' looks like free text ("
                + text.distinct
                + " distinct values in "
                + text.present
                + " rows, "
                + Math.round(text.meanLength())
                + " characters on average); as categories it cannot generalise: set data.types: {"
                + name
                + ": text}, or data.drop: ["
                + name
                + "]");
      } else if (type == ColumnType.CATEGORICAL && values.identifierLike()) {
        warnings.add(
            "column '"
                + name
                + "' has a different value on nearly every row ("
                + values.distinct()
                + " of "
                + values.present()
                + "), like an identifier; as a feature it cannot generalise: set data.id: "
                + name
                + " or data.drop: ["
                + name
                + "]");
      }
    }
    if (features.isEmpty()) {
      throw PrecisException.data(
          table.file()
              + ": no feature columns left after removing the target, id, data.drop"
              + (empty.isEmpty()
                  ? ""
                  : " and the empty columns (" + String.join(", ", empty) + ")"));
    }
    return new Schema(features, empty, warnings);
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

  /**
   * One pass over a column's values: how many are numbers, the first row that is not, and how many
   * are distinct (counted only as far as it can make the column look like an identifier).
   */
  private record Values(int column, long numbers, long others, int firstOther, long distinct) {

    private static final byte MISSING = 0;
    private static final byte NUMBER = 1;
    private static final byte OTHER = 2;

    static Values scan(CsvTable table, int column, MissingValues missing) {
      TableColumn values = table.column(column);
      // each distinct value is judged once; the rows are then counted by their codes
      byte[] kind = new byte[values.levelCount()];
      for (int k = 0; k < kind.length; k++) {
        String value = values.level(k);
        kind[k] =
            missing.isMissing(value) ? MISSING : Numbers.isNumber(value.strip()) ? NUMBER : OTHER;
      }
      boolean[] met = new boolean[kind.length];
      long numbers = 0;
      long others = 0;
      int firstOther = -1;
      Set<String> seen = new HashSet<>();
      long repeats = 0;
      long tooManyRepeats = (long) ((1 - IDENTIFIER_SHARE) * table.rowCount());
      for (int r = 0; r < values.size(); r++) {
        int code = values.code(r);
        if (kind[code] == MISSING) {
          continue;
        }
        if (kind[code] == NUMBER) {
          numbers++;
        } else {
          others++;
          if (firstOther < 0) {
            firstOther = r;
          }
        }
        // past this many repeats the column cannot look like an identifier: stop collecting
        if (repeats <= tooManyRepeats) {
          if (met[code] || !seen.add(values.level(code).strip())) {
            repeats++;
          }
          met[code] = true;
        }
      }
      return new Values(column, numbers, others, firstOther, seen.size());
    }

    long present() {
      return numbers + others;
    }

    boolean identifierLike() {
      return present() >= IDENTIFIER_MIN_VALUES && distinct >= IDENTIFIER_SHARE * present();
    }

    /**
     * Numeric or categorical; a data error for a numeric column with a few other values, which
     * shows the value unless {@code hidden} (a personal column).
     */
    ColumnType type(CsvTable table, String name, boolean hidden) {
      if (others == 0) {
        return ColumnType.NUMERIC;
      }
      if (numbers >= NUMERIC_SHARE * present()) {
        throw DataFiles.error(
            table.file(),
            table.lines()[firstOther],
            "column '"
                + name
                + "' holds numbers but this row has "
                + (hidden ? PersonalData.NOT_SHOWN : "'" + table.value(firstOther, column) + "'")
                + (others > 1 ? " (and " + (others - 1) + " more rows like it)" : "")
                + "; fix the value, list it in prep.missing.tokens, "
                + "or set data.types."
                + name
                + ": categorical");
      }
      return ColumnType.CATEGORICAL;
    }
  }

  /** How much a column reads like prose: its distinct values, spaced values and mean length. */
  private record FreeText(long present, long distinct, long spaced, long characters) {
    static FreeText scan(TableColumn values, MissingValues missing) {
      long present = 0;
      long spaced = 0;
      long characters = 0;
      boolean[] met = new boolean[values.levelCount()];
      long distinct = 0;
      for (int r = 0; r < values.size(); r++) {
        int code = values.code(r);
        String value = values.level(code);
        if (missing.isMissing(value)) {
          continue;
        }
        String bare = value.strip();
        present++;
        characters += bare.length();
        if (bare.chars().anyMatch(Character::isWhitespace)) {
          spaced++;
        }
        if (!met[code]) {
          met[code] = true;
          distinct++;
        }
      }
      return new FreeText(present, distinct, spaced, characters);
    }

    double meanLength() {
      return present == 0 ? 0 : (double) characters / present;
    }

    boolean looksLikeText() {
      return present >= TEXT_MIN_VALUES
          && distinct >= TEXT_DISTINCT_SHARE * present
          && spaced >= TEXT_SPACED_SHARE * present
          && meanLength() >= TEXT_MEAN_LENGTH;
    }
  }
}
