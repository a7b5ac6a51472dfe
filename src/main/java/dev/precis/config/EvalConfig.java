package dev.precis.config;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * How scored rows are judged.
 *
 * @param threshold score at or above which a row counts as predicted positive: fixed, or chosen on
 *     the rows evaluated to maximise F1 or profit
 * @param bins number of score bins for lift and gains (10 = deciles)
 * @param gates minimum values of metrics where higher is better (also lift@K, capture@K); eval
 *     exits 4 when one is not reached
 * @param failOver maximum values of metrics where lower is better (log_loss, brier, ece)
 * @param maxDrop largest worsening of a metric allowed from the --baseline report
 * @param resamples paired bootstrap resamples of a champion/challenger comparison
 * @param economics cost, value and budget of a campaign; null for none
 */
public record EvalConfig(
    ThresholdRule threshold,
    int bins,
    Map<String, Double> gates,
    Map<String, Double> failOver,
    Map<String, Double> maxDrop,
    int resamples,
    Economics economics) {
  public EvalConfig {
    Check.present(threshold, "eval.threshold");
    if (threshold.by() == ThresholdRule.By.PROFIT && economics == null) {
      throw new ConfigException(
          "eval.threshold", "profit needs eval.economics: {cost: C, value: V}");
    }
    Check.atLeast(bins, 2, "eval.bins");
    Check.atLeast(resamples, 100, "eval.resamples");
    gates = sorted(gates);
    failOver = sorted(failOver);
    maxDrop = sorted(maxDrop);
  }

  private static Map<String, Double> sorted(Map<String, Double> map) {
    return map == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(map));
  }
}
