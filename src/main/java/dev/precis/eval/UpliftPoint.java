package dev.precis.eval;

/**
 * One point of a Qini or uplift curve.
 *
 * @param rows the number of top rows by score, k
 * @param value the curve's value there
 */
public record UpliftPoint(long rows, double value) {}
