package dev.precis.model;

import dev.precis.data.SparseRows;
import java.util.List;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.math.la.DenseMatrix;

/**
 * Scores with a logistic model's weights directly: the softmax of two labels is the sigmoid of the
 * difference of their linear scores, so one dot product per row, over its nonzero features, gives
 * Tribuo's probability without building a Tribuo example.
 */
final class LinearScorer implements Scorer {
  private final double[] weights;
  private final double bias;

  LinearScorer(LinearSGDModel model, List<String> featureNames) {
    weights = weights(model, featureNames);
    DenseMatrix w = model.getWeightsCopy();
    int biasColumn = w.getDimension2Size() - 1;
    bias =
        w.get(model.getOutputIDInfo().getID(Labels.POSITIVE), biasColumn)
            - w.get(model.getOutputIDInfo().getID(Labels.NEGATIVE), biasColumn);
  }

  /**
   * Each feature's weight in the log-odds of a response: the difference of the two labels' weights.
   * A feature the model never saw weighs 0.
   */
  static double[] weights(LinearSGDModel model, List<String> featureNames) {
    DenseMatrix w = model.getWeightsCopy();
    int positive = model.getOutputIDInfo().getID(Labels.POSITIVE);
    int negative = model.getOutputIDInfo().getID(Labels.NEGATIVE);
    double[] weights = new double[featureNames.size()];
    for (int f = 0; f < weights.length; f++) {
      int id = model.getFeatureIDMap().getID(featureNames.get(f));
      weights[f] = id < 0 ? 0.0 : w.get(positive, id) - w.get(negative, id);
    }
    return weights;
  }

  @Override
  public void score(SparseRows rows, int n, double[] scores) {
    for (int r = 0; r < n; r++) {
      double z = bias;
      for (int k = rows.start(r); k < rows.end(r); k++) {
        z += weights[rows.feature(k)] * rows.value(k);
      }
      scores[r] = 1.0 / (1.0 + Math.exp(-z));
    }
  }
}
