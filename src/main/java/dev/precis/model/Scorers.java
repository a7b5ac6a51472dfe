package dev.precis.model;

import java.util.List;
import java.util.Optional;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.liblinear.LibLinearClassificationModel;
import org.tribuo.classification.sgd.linear.LinearSGDModel;

/**
 * Picks the fastest exact scorer for a model; a model that gives margins instead of probabilities
 * (a LibLinear SVM) is scored as the logistic function of its margin.
 */
public final class Scorers {
  private Scorers() {}

  public static Scorer forModel(Model<Label> model, List<String> featureNames) {
    if (model instanceof LinearSGDModel linear) {
      return new LinearScorer(linear, featureNames);
    }
    Optional<Scorer> trees = TreeScorer.of(model, featureNames);
    if (trees.isPresent()) {
      return trees.get();
    }
    if (model instanceof LibLinearClassificationModel && !model.generatesProbabilities()) {
      return new MarginScorer(new TribuoScorer(model, featureNames));
    }
    return new TribuoScorer(model, featureNames);
  }
}
