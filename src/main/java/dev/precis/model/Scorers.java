package dev.precis.model;

import java.util.List;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDModel;

/** Picks the fastest exact scorer for a model. */
public final class Scorers {
  private Scorers() {}

  public static Scorer forModel(Model<Label> model, List<String> featureNames) {
    if (model instanceof LinearSGDModel linear) {
      return new LinearScorer(linear, featureNames);
    }
    return new TribuoScorer(model, featureNames);
  }
}
