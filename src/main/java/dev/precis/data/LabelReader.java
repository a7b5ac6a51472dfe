package dev.precis.data;

import java.util.List;

/**
 * Reads the target field of one row, the one way train, prep, tune and eval all read labels: the
 * field is stripped of surrounding blanks, then it is missing when blank or a missing token, else
 * positive exactly when it equals the positive value.
 *
 * @param missing what counts as no label
 * @param positive the value that marks a response; null while it is still to be chosen, when no
 *     value is positive
 */
public record LabelReader(MissingValues missing, String positive) {
  /** How a part written by `prep` holds its labels: 1 or 0. */
  public static final LabelReader PREPARED = new LabelReader(new MissingValues(List.of()), "1");

  /** The label as written, without surrounding blanks; null when the row has none. */
  public String value(String field) {
    String value = field.strip();
    return missing.isMissing(value) ? null : value;
  }

  /** Whether a label returned by {@link #value} is the positive one. */
  public boolean isPositive(String value) {
    return value.equals(positive);
  }
}
