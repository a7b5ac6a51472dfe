package dev.precis.data;

import java.util.List;

/**
 * A boolean column (yes/no, true/false, y/n, t/f, 1/0 in any case): one feature, 1 for yes and 0
 * for no. A missing value is 0 and, when the training rows had any, sets the extra 0/1 feature
 * "name:missing"; a value that spells neither is a bad value, as a word in a numeric column is.
 *
 * @param name the column
 * @param indicator whether "name:missing" marks rows where the value was missing
 */
public record BooleanStep(String name, boolean indicator) implements SingleColumnStep {

  /**
   * @throws dev.precis.PrecisException (data) at the first training value that is not a boolean
   *     spelling
   */
  public static BooleanStep fit(TrainingColumn column) {
    boolean missing = false;
    for (int i = 0; i < column.size(); i++) {
      if (column.isMissing(i)) {
        missing = true;
      } else if (Booleans.parse(column.value(i)) == null) {
        throw column.error(
            i,
            "column '"
                + column.name()
                + "' is boolean but holds '"
                + column.value(i)
                + "'; booleans are yes/no, true/false, y/n, t/f or 1/0: fix the value, list it in"
                + " prep.missing.tokens, or set data.types."
                + column.name()
                + ": categorical");
      }
    }
    return new BooleanStep(column.name(), missing);
  }

  @Override
  public List<String> featureNames() {
    return indicator ? List.of(name, name + ":missing") : List.of(name);
  }

  @Override
  public StepEncoder encoder(int[] columns, int first, MissingValues missing) {
    int column = columns[0];
    return (fields, out) -> {
      String raw = fields[column];
      if (missing.isMissing(raw)) {
        if (indicator) {
          out.put(first + 1, 1.0);
        }
        return;
      }
      Boolean truth = Booleans.parse(raw);
      if (truth == null) {
        throw new RowEncoder.BadValue(name, raw, "boolean");
      }
      if (truth) {
        out.put(first, 1.0);
      }
    };
  }
}
