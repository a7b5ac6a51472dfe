package dev.precis.data;

import dev.precis.PrecisException;
import dev.precis.config.ColumnType;
import dev.precis.config.DataConfig;
import dev.precis.config.DatesConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Decides which columns are features, of which type, and why. A yes/no pair (yes/no, true/false,
 * y/n, t/f, 1/0) with a value on every row is boolean. A column is numeric when its non-missing
 * values are numbers; when nearly all are (95%) and a few are not, the few are reported as bad
 * values rather than turning the column into categories. Values that all read as dates are dates
 * (ISO, day-first or month-first; prep.dates settles a column that reads both, with a warning). A
 * column with a different value on every row is an identifier and left out, with a warning (whole
 * numbers only under an id-like name: a measurement may differ on every row too). A column with no
 * value on any row is left out, with a warning. A categorical column with a different value on
 * nearly every row stays a feature, with a warning. One that looks like free text (many distinct
 * values, most with spaces, long) stays a categorical column too, with a warning that suggests
 * data.types: {col: text}: Precis cannot be sure that a column is prose, so it asks rather than
 * switching. data.types overrides any of this.
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
  public static Schema infer(
      CsvTable table, DataConfig data, MissingValues missing, DatesConfig dates) {
    checkNamedColumnsExist(table, data);
    Set<String> excluded = new HashSet<>(data.drop());
    excluded.add(data.target());
    if (data.id() != null) {
      excluded.add(data.id());
    }
    List<ColumnSpec> features = new ArrayList<>();
    List<String> empty = new ArrayList<>();
    List<String> identifiers = new ArrayList<>();
    Map<String, String> reasons = new HashMap<>();
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
      Inferred inferred =
          declared != null
              ? new Inferred(declared, "set in data.types")
              : values.infer(
                  table,
                  name,
                  missing,
                  dates.formatOf(name),
                  warnings,
                  PersonalData.of(data).hides(name));
      reasons.put(name, inferred.why());
      if (inferred.type() == ColumnType.IDENTIFIER) {
        identifiers.add(name);
        if (declared == null) {
          warnings.add(
              "column '"
                  + name
                  + "' has a different value on every row, like an identifier; left out of the"
                  + " features: set data.id: "
                  + name
                  + " to copy it to scored output, or data.types: {"
                  + name
                  + ": categorical} to use it");
        }
        continue;
      }
      ColumnType type = inferred.type();
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
    return new Schema(features, empty, identifiers, reasons, warnings);
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

    /** Every row holds a value, and no two rows the same one. */
    boolean uniquePerRow(CsvTable table) {
      return present() >= IDENTIFIER_MIN_VALUES
          && present() == table.rowCount()
          && distinct == present();
    }

    /**
     * The column's type and why: a yes/no pair on every row is boolean; numbers are numeric, unless
     * an id-named column of whole numbers differs on every row; values that all read as dates are
     * dates; any other column differing on every row is an identifier, the rest categorical.
     *
     * @param warnings gets a sentence when dates read both day-first and month-first
     * @param hidden the column is personal: an error does not show its value
     * @throws PrecisException (data) for a numeric column with a few other values
     */
    Inferred infer(
        CsvTable table,
        String name,
        MissingValues missing,
        DatesConfig.Format format,
        List<String> warnings,
        boolean hidden) {
      Set<String> levels = presentLevels(table.column(column), missing);
      // with missing values a yes/no column has three states, which categories keep as they are
      if (present() == table.rowCount() && Booleans.isPair(levels)) {
        return new Inferred(
            ColumnType.BOOLEAN, "its values are " + String.join(" and ", new TreeSet<>(levels)));
      }
      if (others == 0) {
        if (uniquePerRow(table)
            && idLikeName(name)
            && levels.stream().allMatch(SchemaInference::isWholeNumber)) {
          return new Inferred(
              ColumnType.IDENTIFIER, "an id-like name, and a different whole number on every row");
        }
        return new Inferred(ColumnType.NUMERIC, "every value is a number");
      }
      if (numbers >= NUMERIC_SHARE * present()) {
        throw notANumber(table, name, hidden);
      }
      List<DateForms> forms = DateForms.fitting(levels);
      if (forms.size() > 1) {
        return ambiguousDates(name, format, warnings);
      }
      if (!forms.isEmpty()) {
        return new Inferred(ColumnType.DATE, "every value is a date, " + forms.get(0).label());
      }
      // prose differs on every row too: it gets the free-text warning, not this
      if (uniquePerRow(table) && !FreeText.scan(table.column(column), missing).looksLikeText()) {
        return new Inferred(ColumnType.IDENTIFIER, "a different value on every row");
      }
      return new Inferred(
          ColumnType.CATEGORICAL,
          numbers == 0 ? "its values are words, not numbers" : "it mixes numbers and words");
    }

    /**
     * Dates that read day-first and month-first alike (no day above 12): a date column, read as
     * prep.dates says; unsaid, Precis does not guess, and the date step refuses the column.
     */
    private static Inferred ambiguousDates(
        String name, DatesConfig.Format format, List<String> warnings) {
      if (format == DatesConfig.Format.DAY_FIRST || format == DatesConfig.Format.MONTH_FIRST) {
        return new Inferred(
            ColumnType.DATE,
            "every value is a date, read "
                + (format == DatesConfig.Format.DAY_FIRST ? "day-first" : "month-first")
                + " as prep.dates says");
      }
      warnings.add(
          "column '"
              + name
              + "' holds dates that read both day-first and month-first (no day is over 12);"
              + " say which: prep.dates.columns."
              + name
              + ": day_first or month_first");
      return new Inferred(
          ColumnType.DATE, "every value is a date, day-first and month-first alike (prep.dates)");
    }

    private PrecisException notANumber(CsvTable table, String name, boolean hidden) {
      return DataFiles.error(
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
  }

  /** A column's type and why it has it. */
  private record Inferred(ColumnType type, String why) {}

  /** The words of a name: customer_id, customer-id, CustomerID and customerId all end in "id". */
  private static final Pattern WORDS =
      Pattern.compile("[^\\p{Alnum}]+|(?<=\\p{Lower})(?=\\p{Upper})");

  /** Whether a column's name says it identifies rows: one of its words is id, uuid or guid. */
  static boolean idLikeName(String name) {
    for (String word : WORDS.split(name)) {
      String lower = word.toLowerCase(java.util.Locale.ROOT);
      if (lower.equals("id") || lower.equals("uuid") || lower.equals("guid")) {
        return true;
      }
    }
    return false;
  }

  private static boolean isWholeNumber(String value) {
    return value.chars().allMatch(ch -> ch >= '0' && ch <= '9');
  }

  /** A column's distinct present values, stripped. */
  private static Set<String> presentLevels(TableColumn values, MissingValues missing) {
    Set<String> levels = new HashSet<>();
    for (int k = 0; k < values.levelCount(); k++) {
      String value = values.level(k);
      if (!missing.isMissing(value)) {
        levels.add(value.strip());
      }
    }
    return levels;
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
