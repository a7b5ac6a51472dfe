package dev.precis.model;

import java.util.ArrayList;
import java.util.List;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;

/** Scores through Tribuo's own batch prediction; works for every model type. */
final class TribuoScorer implements Scorer {
  private final Model<Label> model;
  private final String[] featureNames;

  TribuoScorer(Model<Label> model, List<String> featureNames) {
    this.model = model;
    this.featureNames = featureNames.toArray(new String[0]);
  }

  @Override
  public void score(double[][] rows, int n, double[] scores) {
    List<Example<Label>> batch = new ArrayList<>(n);
    for (int r = 0; r < n; r++) {
      batch.add(new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, featureNames, rows[r]));
    }
    List<Prediction<Label>> predictions = model.predict(batch);
    for (int r = 0; r < n; r++) {
      scores[r] = predictions.get(r).getOutputScores().get(Labels.POSITIVE_NAME).getScore();
    }
  }
}
