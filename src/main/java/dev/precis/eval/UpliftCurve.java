package dev.precis.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;

/**
 * A Qini or uplift curve as scikit-uplift 0.5.1 draws it: (0, 0), then one point per cut point (the
 * last row of each run of equal scores), x the number of top rows k. With Nt, Nc the treated and
 * control rows among them and Yt, Yc their responders:
 *
 * <ul>
 *   <li>Qini: Yt - Yc * Nt / Nc (the ratio 0 while Nc = 0), the responders the treatment added;
 *   <li>uplift: (Yt / Nt - Yc / Nc) * k (each rate 0 while its count is 0).
 * </ul>
 */
public final class UpliftCurve {
  private final double[] rows;
  private final double[] values;

  private UpliftCurve(double[] rows, double[] values) {
    this.rows = rows;
    this.values = values;
  }

  static UpliftCurve qini(UpliftRanking ranking) {
    UpliftRanking.Cumulative c = ranking.cumulative();
    return build(
        c,
        i -> {
          double control = c.rows()[i] - c.treated()[i];
          double ratio = control == 0 ? 0 : c.treated()[i] / control;
          return c.treatedResponders()[i] - c.controlResponders()[i] * ratio;
        });
  }

  static UpliftCurve uplift(UpliftRanking ranking) {
    UpliftRanking.Cumulative c = ranking.cumulative();
    return build(
        c,
        i -> {
          double treated = c.treated()[i];
          double control = c.rows()[i] - treated;
          double treatedRate = treated == 0 ? 0 : c.treatedResponders()[i] / treated;
          double controlRate = control == 0 ? 0 : c.controlResponders()[i] / control;
          return (treatedRate - controlRate) * c.rows()[i];
        });
  }

  private static UpliftCurve build(UpliftRanking.Cumulative c, IntToDoubleFunction value) {
    int points = c.rows().length + 1;
    double[] x = new double[points];
    double[] y = new double[points];
    for (int i = 1; i < points; i++) {
      x[i] = c.rows()[i - 1];
      y[i] = value.applyAsDouble(i - 1);
    }
    return new UpliftCurve(x, y);
  }

  /** Points, (0, 0) included. */
  public int size() {
    return rows.length;
  }

  /** The number of top rows at point i. */
  public double rows(int i) {
    return rows[i];
  }

  /** The curve's value at point i. */
  public double value(int i) {
    return values[i];
  }

  /** The area under the curve by the trapezoid rule over (k, value), as sklearn.metrics.auc. */
  public double area() {
    double area = 0;
    for (int i = 1; i < rows.length; i++) {
      area += (rows[i] - rows[i - 1]) * (values[i] + values[i - 1]) / 2.0;
    }
    return area;
  }

  /**
   * The area under the straight line from (0, 0) to this curve's last point: what random order
   * scores on average, and the baseline of the normalised areas.
   */
  double diagonalArea() {
    int last = rows.length - 1;
    return rows[last] * values[last] / 2.0;
  }

  /**
   * At most {@code most} of the points (at least 2), evenly spaced along the list, always keeping
   * the first and the last; every point kept lies on the exact curve.
   */
  public List<UpliftPoint> sampled(int most) {
    int count = Math.min(most, rows.length);
    List<UpliftPoint> kept = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int at =
          count == rows.length ? i : (int) Math.round((double) i * (rows.length - 1) / (count - 1));
      kept.add(new UpliftPoint((long) rows[at], values[at]));
    }
    return kept;
  }
}
