package dev.precis.report;

/**
 * The cutoff behind eval's threshold metrics and how it was set.
 *
 * @param value rows scoring at least this count as predicted positive
 * @param chosenBy "fixed" (eval.threshold gave it), "f1" or "profit" (the cutoff maximising F1, or
 *     profit under eval.economics, on the rows evaluated). A chosen cutoff is optimistic: it was
 *     picked on the very rows it is measured on, so the metrics at it flatter the model; choose it
 *     on one file and judge it on another.
 */
public record ThresholdUsed(double value, String chosenBy) {}
