package dev.precis.eval;

/**
 * The verdict of one quality gate: the metric must reach at least {@code minimum}.
 *
 * @param metric the gated metric, e.g. auc
 * @param minimum the least value that passes
 * @param value the value reached
 * @param passed whether {@code value >= minimum}
 */
public record GateResult(String metric, double minimum, double value, boolean passed) {}
