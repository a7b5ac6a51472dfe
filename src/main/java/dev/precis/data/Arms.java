package dev.precis.data;

import dev.precis.PrecisException;
import dev.precis.config.DataConfig;
import dev.precis.io.StandardStreams;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The two arms of an experiment, read from data.treatment: keeps the labelled rows whose treatment
 * value is data.treated or data.control, marks which is which, and counts the rows of any other
 * arm, which are skipped.
 */
public final class Arms {
  private Arms() {}

  /**
   * The target's rows restricted to the two arms, with each row's arm.
   *
   * @throws PrecisException (data) naming the key and the fix when the column is missing, an arm's
   *     value never occurs, or the outcome takes one value only within an arm
   */
  public static Target select(
      CsvTable table, Target target, DataConfig data, MissingValues missing) {
    TableColumn arm = table.column(table.indexOf(data.treatment(), "data.treatment"));
    String where =
        StandardStreams.name(table.file()) + ": treatment column '" + data.treatment() + "'";
    Map<String, Long> values = new TreeMap<>();
    int[] rows = new int[target.rows().length];
    boolean[] labels = new boolean[rows.length];
    boolean[] treated = new boolean[rows.length];
    Map<String, Long> other = new TreeMap<>();
    int n = 0;
    for (int i = 0; i < target.rows().length; i++) {
      String raw = arm.value(target.rows()[i]);
      String value = raw == null || missing.isMissing(raw) ? "(missing)" : raw.strip();
      values.merge(value, 1L, Long::sum);
      boolean isTreated = value.equals(data.treated());
      if (isTreated || value.equals(data.control())) {
        rows[n] = target.rows()[i];
        labels[n] = target.labels()[i];
        treated[n++] = isTreated;
      } else {
        other.merge(value, 1L, Long::sum);
      }
    }
    requireArm(where, "data.treated", data.treated(), values);
    requireArm(where, "data.control", data.control(), values);
    labels = Arrays.copyOf(labels, n);
    treated = Arrays.copyOf(treated, n);
    requireBothOutcomes(where, target, labels, treated, true, data.treated());
    requireBothOutcomes(where, target, labels, treated, false, data.control());
    return new Target(
        target.column(),
        target.positive(),
        Arrays.copyOf(rows, n),
        labels,
        target.counts(),
        treated,
        other);
  }

  private static void requireArm(String where, String key, String value, Map<String, Long> values) {
    if (!values.containsKey(value)) {
      throw PrecisException.data(
          where
              + " has no labelled row with the value '"
              + value
              + "' ("
              + key
              + ")"
              + dev.precis.Nearest.hint(value, values.keySet())
              + "; its values are: "
              + String.join(", ", values.keySet())
              + "; an uplift model needs rows of both arms");
    }
  }

  private static void requireBothOutcomes(
      String where,
      Target target,
      boolean[] labels,
      boolean[] treated,
      boolean inArm,
      String armValue) {
    long rows = 0;
    long positives = 0;
    for (int i = 0; i < labels.length; i++) {
      if (treated[i] == inArm) {
        rows++;
        positives += labels[i] ? 1 : 0;
      }
    }
    if (positives == 0 || positives == rows) {
      throw PrecisException.data(
          String.format(
              java.util.Locale.ROOT,
              "%s: in the arm '%s' (%s) all %d rows have %s '%s' (data.target '%s'); an uplift"
                  + " model needs responders and non-responders in each arm: choose another"
                  + " data.target or data.positive, or give more rows",
              where,
              armValue,
              inArm ? "data.treated" : "data.control",
              rows,
              positives == 0 ? "an outcome other than" : "the outcome",
              target.positive(),
              target.column()));
    }
  }
}
