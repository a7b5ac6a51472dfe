package dev.precis.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How eval.threshold is set: a fixed score, or chosen on the evaluated rows to maximise F1 or
 * profit. Written in YAML as a number in [0, 1], {@code f1} or {@code profit}.
 *
 * @param by how the threshold is set
 * @param value the fixed score, for {@link By#FIXED} only
 */
public record ThresholdRule(By by, Double value) {
  private static final String FORMS = "a number between 0 and 1, f1 or profit";

  /** How the threshold is set. */
  public enum By {
    /** A score given in the config. */
    FIXED,
    /** The score maximising F1 on the rows evaluated. */
    F1,
    /** The score maximising profit under eval.economics on the rows evaluated. */
    PROFIT
  }

  public ThresholdRule {
    Check.present(by, "eval.threshold");
    if ((by == By.FIXED) != (value != null)) {
      throw new IllegalArgumentException("a fixed threshold, and only a fixed one, has a value");
    }
    if (value != null) {
      Check.within(value, 0, 1, "eval.threshold");
    }
  }

  /** A fixed threshold at {@code value}. */
  public static ThresholdRule fixed(double value) {
    return new ThresholdRule(By.FIXED, value);
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static ThresholdRule of(Object yaml) {
    if (yaml instanceof Number number) {
      return fixed(number.doubleValue());
    }
    if (yaml instanceof String word) {
      return switch (word) {
        case "f1" -> new ThresholdRule(By.F1, null);
        case "profit" -> new ThresholdRule(By.PROFIT, null);
        default -> throw new ConfigException("eval.threshold", "'" + word + "' is not " + FORMS);
      };
    }
    throw new ConfigException("eval.threshold", "must be " + FORMS);
  }

  /** The YAML form it was read from. */
  @JsonValue
  Object json() {
    return by == By.FIXED ? value : by.name().toLowerCase(java.util.Locale.ROOT);
  }
}
