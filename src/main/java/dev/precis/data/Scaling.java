package dev.precis.data;

import dev.precis.config.PrepConfig;

/**
 * How one derived number (a date's month, the days between two dates) becomes a feature: (x -
 * center) / scale, clipped into [0, 1] when {@code clip}, with {@code fill} standing for a missing
 * value, all fitted on the training values as prep.scale says for numeric columns.
 *
 * @param center subtracted first
 * @param scale divided by next
 * @param fill the training mean, what a missing value is taken to be
 * @param clip whether the feature is clipped into [0, 1] (min-max scaling)
 */
public record Scaling(double center, double scale, double fill, boolean clip) {

  /** Fitted on the first {@code n} of {@code values}; none present gives 0 for every value. */
  static Scaling fit(double[] values, int n, PrepConfig.Scale how) {
    double sum = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      sum += values[i];
      min = Math.min(min, values[i]);
      max = Math.max(max, values[i]);
    }
    double mean = n == 0 ? 0 : sum / n;
    return switch (how) {
      case NONE -> new Scaling(0, 1, mean, false);
      case MINMAX ->
          n == 0 || max == min
              ? new Scaling(mean, 1, mean, true)
              : new Scaling(min, max - min, mean, true);
      // a date's parts are bounded and a day count has no outliers to resist or tails to spread:
      // robust and quantile are standard
      case STANDARD, ROBUST, QUANTILE -> {
        double squares = 0;
        for (int i = 0; i < n; i++) {
          squares += (values[i] - mean) * (values[i] - mean);
        }
        double sd = n < 2 ? 0 : Math.sqrt(squares / (n - 1));
        yield new Scaling(mean, sd > 0 ? sd : 1, mean, false);
      }
    };
  }

  /** The feature of a value. */
  double apply(double x) {
    double scaled = (x - center) / scale;
    return clip ? Math.max(0, Math.min(1, scaled)) : scaled;
  }
}
