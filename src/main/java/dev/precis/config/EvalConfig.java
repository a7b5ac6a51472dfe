package dev.precis.config;

import java.util.Map;
import java.util.TreeMap;

/**
 * How scored rows are judged.
 *
 * @param threshold score at or above which a row counts as predicted positive: fixed, or chosen on
 *     the rows evaluated to maximise F1 or profit
 * @param bins number of score bins for lift and gains (10 = deciles)
 * @param gates minimum values of metrics; eval exits 4 when one is not reached
 * @param economics cost, value and budget of a campaign; null for none
 */
public record EvalConfig(
    ThresholdRule threshold, int bins, Map<String, Double> gates, Economics economics) {
  public EvalConfig {
    Check.present(threshold, "eval.threshold");
    if (threshold.by() == ThresholdRule.By.PROFIT && economics == null) {
      throw new ConfigException(
          "eval.threshold", "profit needs eval.economics: {cost: C, value: V}");
    }
    Check.atLeast(bins, 2, "eval.bins");
    gates = gates == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(gates));
  }
}
