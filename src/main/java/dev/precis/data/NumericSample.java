package dev.precis.data;

import java.util.Arrays;

/**
 * The values present in a numeric column's training rows, sorted: what its step's fill, scaling,
 * clipping bounds and bin edges are fitted on.
 */
final class NumericSample {
  /** In row order: sums run in it, so that means and deviations are what they always were. */
  private final double[] values;

  private final double[] sorted;

  private NumericSample(double[] values) {
    this.values = values;
    this.sorted = values.clone();
    Arrays.sort(sorted);
  }

  /**
   * Reads the column's present values (blank fields, tokens and sentinels are left out).
   *
   * @throws dev.precis.PrecisException (data) when a value is not a number
   */
  static NumericSample of(TrainingColumn column) {
    double[] values = new double[column.size()];
    int n = 0;
    for (int i = 0; i < column.size(); i++) {
      if (column.isMissing(i)) {
        continue;
      }
      double value = column.number(i);
      if (Double.isNaN(value)) {
        throw column.error(
            i,
            "column '"
                + column.name()
                + "' is numeric but holds '"
                + column.value(i)
                + "'; fix the value, list it in prep.missing.tokens, or set data.types."
                + column.name()
                + ": categorical");
      }
      values[n++] = value;
    }
    return new NumericSample(Arrays.copyOf(values, n));
  }

  /** The values, each changed by {@code f}. */
  NumericSample map(java.util.function.DoubleUnaryOperator f) {
    return new NumericSample(Arrays.stream(values).map(f).toArray());
  }

  int size() {
    return sorted.length;
  }

  double min() {
    return sorted.length == 0 ? 0.0 : sorted[0];
  }

  double max() {
    return sorted.length == 0 ? 0.0 : sorted[sorted.length - 1];
  }

  double mean() {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sorted.length == 0 ? 0.0 : sum / sorted.length;
  }

  /** The population standard deviation. */
  double standardDeviation() {
    double mean = mean();
    double sum = 0;
    for (double v : values) {
      sum += (v - mean) * (v - mean);
    }
    return sorted.length == 0 ? 0.0 : Math.sqrt(sum / sorted.length);
  }

  /** The median, the mean of the two middle values of an even count. */
  double median() {
    int mid = sorted.length / 2;
    if (sorted.length == 0) {
      return 0.0;
    }
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  /**
   * The q-quantile, interpolated linearly between the two nearest values (numpy's and R's default,
   * "type 7"), so the 0.5-quantile is the median.
   */
  double quantile(double q) {
    if (sorted.length == 0) {
      return 0.0;
    }
    double position = q * (sorted.length - 1);
    int below = (int) Math.floor(position);
    int above = Math.min(below + 1, sorted.length - 1);
    return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
  }

  /** The most frequent value, the smallest among ties. */
  double mostFrequent() {
    double best = 0.0;
    int bestCount = 0;
    for (int i = 0; i < sorted.length; ) {
      int j = i;
      while (j < sorted.length && sorted[j] == sorted[i]) {
        j++;
      }
      if (j - i > bestCount) {
        best = sorted[i];
        bestCount = j - i;
      }
      i = j;
    }
    return best;
  }
}
