package dev.precis.data;

import java.util.List;

/**
 * A number's rank among the training values, as a standard normal score: the quantile transform
 * that tabular deep-learning work feeds MLPs (scikit-learn's QuantileTransformer with a normal
 * output). Heavy tails and spikes (bank's campaign counts, a column mostly 0) then reach a network
 * as evenly spread values instead of a few extreme ones that dominate its gradients.
 *
 * <p>The training values at evenly spaced probabilities (at most {@link #MAX_QUANTILES}) are kept;
 * a value is placed between them by linear interpolation, and a value beyond the training range is
 * taken as its end. A value equal to a run of tied quantiles (a spike: bank's pdays 999, a column
 * mostly 0) takes the middle of the run, its mid-rank, also at the ends of the range, where
 * scikit-learn would put it at the bound. The probability is kept within [1e-7, 1 - 1e-7], as
 * scikit-learn does, so scores lie within about ±5.2.
 */
final class NormalScores {
  /** As scikit-learn's default n_quantiles: finer steps than this change no model. */
  static final int MAX_QUANTILES = 1000;

  private static final double BOUND = 1e-7;

  private final double[] quantiles;

  NormalScores(List<Double> quantiles) {
    this.quantiles = quantiles.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /**
   * The training values at probabilities 0, 1/(n-1), .., 1, n = the values present up to {@link
   * #MAX_QUANTILES} (at least 2, so a column with one value or none maps everything to 0).
   */
  static List<Double> fit(NumericSample sample) {
    int n = Math.max(2, Math.min(MAX_QUANTILES, sample.size()));
    Double[] q = new Double[n];
    for (int i = 0; i < n; i++) {
      q[i] = sample.quantile((double) i / (n - 1));
    }
    return List.of(q);
  }

  /** The normal score of a value (after the step's clipping and log1p). */
  double apply(double value) {
    int last = quantiles.length - 1;
    double x = Math.min(quantiles[last], Math.max(quantiles[0], value));
    int first = firstAbove(x, false);
    double position;
    if (quantiles[first] == x) {
      position = (first + firstAbove(x, true) - 1) / 2.0;
    } else {
      double low = quantiles[first - 1];
      position = first - 1 + (x - low) / (quantiles[first] - low);
    }
    return inverseNormal(Math.min(1 - BOUND, Math.max(BOUND, position / last)));
  }

  /**
   * The first index whose quantile is above x ({@code strictly}) or at least x; the length when
   * none is.
   */
  private int firstAbove(double x, boolean strictly) {
    int low = 0;
    int high = quantiles.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (strictly ? quantiles[mid] <= x : quantiles[mid] < x) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  /**
   * The standard normal quantile of p in (0, 1): Wichura's algorithm AS 241 (PPND16), accurate to
   * about 1e-16.
   */
  static double inverseNormal(double p) {
    double q = p - 0.5;
    if (Math.abs(q) <= 0.425) {
      double r = 0.180625 - q * q;
      return q
          * (((((((2509.0809287301226727 * r + 33430.575583588128105) * r + 67265.770927008700853)
                                                  * r
                                              + 45921.953931549871457)
                                          * r
                                      + 13731.693765509461125)
                                  * r
                              + 1971.5909503065514427)
                          * r
                      + 133.14166789178437745)
                  * r
              + 3.387132872796366608)
          / (((((((5226.495278852545925 * r + 28729.085735721942674) * r + 39307.89580009271061) * r
                                              + 21213.794301586595867)
                                          * r
                                      + 5394.1960214247511077)
                                  * r
                              + 687.1870074920579083)
                          * r
                      + 42.313330701600911252)
                  * r
              + 1.0);
    }
    double r = q < 0 ? p : 1 - p;
    r = Math.sqrt(-Math.log(r));
    double value;
    if (r <= 5.0) {
      r -= 1.6;
      value =
          (((((((7.7454501427834140764e-4 * r + 0.0227238449892691845833) * r
                                                          + 0.24178072517745061177)
                                                      * r
                                                  + 1.27045825245236838258)
                                              * r
                                          + 3.64784832476320460504)
                                      * r
                                  + 5.7694972214606914055)
                              * r
                          + 4.6303378461565452959)
                      * r
                  + 1.42343711074968357734)
              / (((((((1.05075007164441684324e-9 * r + 5.475938084995344946e-4) * r
                                                          + 0.0151986665636164571966)
                                                      * r
                                                  + 0.14810397642748007459)
                                              * r
                                          + 0.68976733498510000455)
                                      * r
                                  + 1.6763848301838038494)
                              * r
                          + 2.05319162663775882187)
                      * r
                  + 1.0);
    } else {
      r -= 5.0;
      value =
          (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r
                                                          + 0.0012426609473880784386)
                                                      * r
                                                  + 0.026532189526576123093)
                                              * r
                                          + 0.29656057182850489123)
                                      * r
                                  + 1.7848265399172913358)
                              * r
                          + 5.4637849111641143699)
                      * r
                  + 6.6579046435011037772)
              / (((((((2.04426310338993978564e-15 * r + 1.4215117583164458887e-7) * r
                                                          + 1.8463183175100546818e-5)
                                                      * r
                                                  + 7.868691311456132591e-4)
                                              * r
                                          + 0.0148753612908506148525)
                                      * r
                                  + 0.13692988092273099)
                              * r
                          + 0.59983220655588793769)
                      * r
                  + 1.0);
    }
    return q < 0 ? -value : value;
  }
}
