package dev.precis.model;

import java.util.List;
import org.tribuo.classification.liblinear.LibLinearClassificationModel;

/** A linear SVM's weights: each feature's weight in the margin towards a response. */
final class SvmWeights {
  private SvmWeights() {}

  /**
   * LibLinear keeps one weight per feature for two labels, towards the first of its labels, at the
   * feature's Tribuo id. A feature the model never saw weighs 0.
   */
  static double[] of(LibLinearClassificationModel model, List<String> featureNames) {
    de.bwaldvogel.liblinear.Model inner = model.getInnerModels().get(0);
    double[] w = inner.getFeatureWeights();
    int positive = model.getOutputIDInfo().getID(Labels.POSITIVE);
    double sign = inner.getLabels()[0] == positive ? 1.0 : -1.0;
    double[] weights = new double[featureNames.size()];
    for (int f = 0; f < weights.length; f++) {
      int id = model.getFeatureIDMap().getID(featureNames.get(f));
      weights[f] = id < 0 ? 0.0 : sign * w[id];
    }
    return weights;
  }
}
