package dev.precis.data;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.precis.config.DataConfig;
import dev.precis.config.PiiKey;
import dev.precis.config.PiiRule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The columns declared personal (data.pii) and where the hashing key is read from: saved in
 * pipeline.json so that eval and predict treat a file as training did. Each declared column is
 * changed as it is read, before anything else looks at it: a dropped one reads as blank, a hashed
 * one as the hex HMAC of its value, a masked one as the part kept (blank when there is none). A
 * blank field or a missing token stays as it is, so it is still counted missing.
 *
 * @param columns each declared column's rule
 * @param key where the key of the hash rule is read from, or null
 */
public record PersonalData(Map<String, PiiRule> columns, PiiKey key) {
  /** Nothing declared: what a pipeline written before data.pii holds. */
  public static final PersonalData NONE = new PersonalData(Map.of(), null);

  /** What a message says instead of a personal value. */
  public static final String NOT_SHOWN = "a value not shown (data.pii)";

  public PersonalData {
    columns = columns == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(columns));
  }

  public static PersonalData of(DataConfig data) {
    return new PersonalData(data.pii(), data.piiKey());
  }

  /**
   * A raw table made safe to read on.
   *
   * @param table the table with each declared column changed by its rule and each undeclared
   *     personal column blanked
   * @param leftOut the columns never to use as features: declared {@code drop}, and found
   * @param warnings one per personal column found, naming it and its kind, never a value
   */
  record Screened(CsvTable table, List<String> leftOut, List<String> warnings) {}

  /**
   * Changes the declared columns of a raw table by their rules, and finds the personal columns that
   * are not declared.
   *
   * @throws dev.precis.PrecisException (data) when a declared column is not in the file; (usage)
   *     when a column is hashed and the key cannot be read
   */
  static Screened screen(CsvTable raw, DataConfig data, MissingValues missing) {
    PersonalData personal = of(data);
    Map<String, PiiDetector.Kind> found = PiiDetector.scan(raw, undeclared(raw, data), missing);
    List<String> leftOut = new ArrayList<>(personal.dropped());
    leftOut.addAll(found.keySet());
    List<String> warnings = new ArrayList<>();
    found.forEach((column, kind) -> warnings.add(undeclaredWarning(column, kind)));
    return new Screened(
        personal.applyTo(raw, missing, List.copyOf(found.keySet())), leftOut, warnings);
  }

  /** The columns detection looks at: those data.pii, data.drop, the target and id leave. */
  private static List<String> undeclared(CsvTable table, DataConfig data) {
    return table.columns().stream()
        .filter(c -> !data.pii().containsKey(c) && !data.drop().contains(c))
        .filter(c -> !c.equals(data.target()) && !c.equals(data.id()))
        .toList();
  }

  private static String undeclaredWarning(String column, PiiDetector.Kind kind) {
    return "column '"
        + column
        + "' looks like "
        + kind.words
        + " (personal data) and is not declared in data.pii; left out: declare it with"
        + " data.pii: {"
        + column
        + ": drop | hash | {mask: ...}}, or {"
        + column
        + ": keep} if it is not personal";
  }

  /** Whether nothing is declared. */
  @JsonIgnore
  public boolean isEmpty() {
    return columns.isEmpty();
  }

  /** Whether a column's values must not be shown: declared, and not declared kept. */
  public boolean hides(String column) {
    PiiRule rule = columns.get(column);
    return rule != null && rule.action() != PiiRule.Action.KEEP;
  }

  /** The declared columns whose rule is {@code drop}. */
  @JsonIgnore
  public List<String> dropped() {
    return columns.entrySet().stream()
        .filter(e -> e.getValue().action() == PiiRule.Action.DROP)
        .map(Map.Entry::getKey)
        .toList();
  }

  /**
   * The table with each declared column changed by its rule, and the {@code blanked} columns read
   * as blank (personal data found but not declared).
   *
   * @throws dev.precis.PrecisException (data) when a declared column is not in the file; (usage)
   *     when a column is hashed and the key cannot be read
   */
  private CsvTable applyTo(CsvTable table, MissingValues missing, List<String> blanked) {
    CsvTable changed = table;
    KeyedHash hash = null;
    for (Map.Entry<String, PiiRule> column : columns.entrySet()) {
      int c = table.indexOf(column.getKey(), "data.pii");
      if (column.getValue().action() == PiiRule.Action.HASH && hash == null) {
        hash = KeyedHash.of(key);
      }
      UnaryOperator<String> change = change(column.getValue(), hash);
      if (change != null) {
        changed = changed.withColumn(c, table.column(c).map(present(change, missing)));
      }
    }
    for (String column : blanked) {
      int c = table.indexOf(column, "data.pii");
      changed = changed.withColumn(c, table.column(c).map(value -> ""));
    }
    return changed;
  }

  /**
   * The changes to make to rows with these columns, one per field; null where a field is read as it
   * is. The hashing key is read here, once.
   */
  public UnaryOperator<String>[] changes(List<String> names, MissingValues missing) {
    @SuppressWarnings("unchecked")
    UnaryOperator<String>[] changes = new UnaryOperator[names.size()];
    KeyedHash hash = null;
    for (int c = 0; c < changes.length; c++) {
      PiiRule rule = columns.get(names.get(c));
      if (rule == null) {
        continue;
      }
      if (rule.action() == PiiRule.Action.HASH && hash == null) {
        hash = KeyedHash.of(key);
      }
      UnaryOperator<String> change = change(rule, hash);
      changes[c] = change == null ? null : present(change, missing);
    }
    return changes;
  }

  /** A missing value is left missing; any other is stripped and changed. */
  private static UnaryOperator<String> present(
      UnaryOperator<String> change, MissingValues missing) {
    return value -> value == null || missing.isMissing(value) ? value : change.apply(value.strip());
  }

  private static UnaryOperator<String> change(PiiRule rule, KeyedHash hash) {
    return switch (rule.action()) {
      case KEEP -> null;
      case DROP -> value -> "";
      case HASH -> hash::hex;
      case MASK -> mask(rule.mask());
    };
  }

  private static UnaryOperator<String> mask(PiiRule.Mask mask) {
    return switch (mask.kind()) {
      case DOMAIN ->
          value -> {
            int at = value.lastIndexOf('@');
            return at < 0 ? "" : value.substring(at + 1).toLowerCase(Locale.ROOT);
          };
      case FIRST -> value -> value.substring(0, Math.min(mask.first(), value.length())).strip();
      case REGEX -> {
        Pattern pattern = mask.pattern();
        yield value -> {
          Matcher m = pattern.matcher(value);
          return m.find() && m.group(1) != null ? m.group(1) : "";
        };
      }
    };
  }
}
