package dev.precis.eval;

/**
 * The population stability index of one distribution against another over the same bins: the sum
 * over bins of (actual - expected) * ln(actual / expected), each share floored at {@link #EMPTY} so
 * that an empty bin keeps the logarithm finite (an empty bin then weighs as a 1-in-10,000 one). It
 * is symmetric and 0 only when the shares agree. Usual bands: under 0.1 stable, 0.1 to 0.25 a
 * moderate shift, over 0.25 a major one.
 */
public final class Psi {
  /** The share an empty bin counts as. */
  public static final double EMPTY = 1e-4;

  private Psi() {}

  /**
   * @param expected each bin's share of the reference (training) rows
   * @param actual each bin's share of the rows compared, in the same order
   */
  public static double of(double[] expected, double[] actual) {
    double psi = 0;
    for (int b = 0; b < expected.length; b++) {
      double e = Math.max(expected[b], EMPTY);
      double a = Math.max(actual[b], EMPTY);
      psi += (a - e) * Math.log(a / e);
    }
    return psi;
  }

  /** The band a PSI falls in: "stable" under 0.1, "moderate" up to 0.25, "major" above. */
  public static String band(double psi) {
    return psi < 0.1 ? "stable" : psi <= 0.25 ? "moderate" : "major";
  }
}
