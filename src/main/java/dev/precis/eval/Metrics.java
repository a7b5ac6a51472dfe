package dev.precis.eval;

import dev.precis.config.EvalConfig;
import java.util.Optional;

/** Metrics of a scored part, when it has both classes to tell apart. */
public final class Metrics {
  private Metrics() {}

  /**
   * Empty when the rows hold a single class (a tiny validation part, say): no AUC exists then. The
   * threshold metrics are at eval.threshold's cutoff, chosen on these rows when it is f1 or profit.
   */
  public static Optional<BinaryMetrics> ifDefined(
      double[] scores, boolean[] labels, EvalConfig eval) {
    boolean anyPositive = false;
    boolean anyNegative = false;
    for (boolean label : labels) {
      anyPositive |= label;
      anyNegative |= !label;
    }
    if (!anyPositive || !anyNegative) {
      return Optional.empty();
    }
    return Optional.of(
        BinaryMetricsCalculator.compute(
            scores, labels, ThresholdChoice.of(scores, labels, eval), eval.bins()));
  }
}
