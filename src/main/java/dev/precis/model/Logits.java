package dev.precis.model;

import dev.precis.data.EncodedData;
import dev.precis.data.SparseRows;

/** A trained network read in plain Java: the logit (log-odds of a response) of each row. */
interface Logits {
  /** The logit of row r. */
  double logit(SparseRows rows, int r);

  /** Scores as probabilities, the sigmoid of the logits. */
  default Scorer scorer() {
    return (SparseRows rows, int n, double[] scores) -> {
      for (int r = 0; r < n; r++) {
        scores[r] = 1.0 / (1.0 + Math.exp(-logit(rows, r)));
      }
    };
  }

  /**
   * The mean log loss over the rows, each weighted by its class's weight, in the order of the rows:
   * the same number whatever the threads.
   *
   * @param classWeights [negative, positive]
   */
  default double logLoss(EncodedData data, double[] classWeights) {
    double sum = 0;
    double total = 0;
    for (int r = 0; r < data.rows(); r++) {
      double z = logit(data.x(), r);
      boolean y = data.y()[r];
      // log(1 + e^-|z|) + max(z, 0) - z * y: the log loss of sigmoid(z), stable for any z.
      double loss = Math.log1p(Math.exp(-Math.abs(z))) + Math.max(z, 0) - (y ? z : 0);
      double w = classWeights[y ? 1 : 0];
      sum += w * loss;
      total += w;
    }
    return sum / total;
  }
}
