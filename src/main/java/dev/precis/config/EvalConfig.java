package dev.precis.config;

import java.util.Map;
import java.util.TreeMap;

/**
 * How scored rows are judged.
 *
 * @param threshold score at or above which a row counts as predicted positive
 * @param bins number of score bins for lift and gains (10 = deciles)
 * @param gates minimum values of metrics; eval exits 4 when one is not reached
 */
public record EvalConfig(double threshold, int bins, Map<String, Double> gates) {
  public EvalConfig {
    Check.within(threshold, 0, 1, "eval.threshold");
    Check.atLeast(bins, 2, "eval.bins");
    gates = gates == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(gates));
  }
}
