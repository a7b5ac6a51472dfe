package dev.precis.eval;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The verdict of one quality gate.
 *
 * @param metric the gated metric, e.g. auc or lift@10
 * @param direction how {@code value} is held to {@code limit}
 * @param limit the least (at_least), the most (at_most) value that passes, or the largest drop
 *     allowed from the baseline (max_drop)
 * @param value the value reached; for max_drop, how far the metric fell from the baseline (its
 *     rise, for a metric where lower is better)
 * @param baseline the baseline report's value (max_drop only)
 * @param passed whether the value is within the limit
 */
public record GateResult(
    String metric,
    Direction direction,
    double limit,
    double value,
    @JsonInclude(JsonInclude.Include.NON_NULL) Double baseline,
    boolean passed) {

  /** How a gate holds a value to its limit. */
  public enum Direction {
    /** --fail-under, eval.gates: value >= limit. */
    AT_LEAST,
    /** --fail-over, eval.fail_over: value <= limit. */
    AT_MOST,
    /** --max-drop against --baseline, eval.max_drop: the worsening is at most the limit. */
    MAX_DROP;

    @JsonValue
    String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
