package dev.precis.model;

import dev.precis.data.SparseRows;
import java.util.ArrayList;
import java.util.List;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;

/** Scores through Tribuo's own batch prediction; works for every model type. */
final class TribuoScorer implements Scorer {
  private static final int[] NONE = {};
  private final Model<Label> model;
  private final RowExample.Names names;

  /** A feature the model knows, for a row without any: Tribuo refuses such an example. */
  private final int known;

  TribuoScorer(Model<Label> model, List<String> featureNames) {
    this.model = model;
    this.names = new RowExample.Names(featureNames.toArray(new String[0]));
    int first = 0;
    while (first < featureNames.size() - 1
        && model.getFeatureIDMap().get(featureNames.get(first)) == null) {
      first++;
    }
    this.known = first;
  }

  @Override
  public void score(SparseRows rows, int n, double[] scores) {
    List<Example<Label>> batch = new ArrayList<>(n);
    for (int r = 0; r < n; r++) {
      batch.add(TribuoData.example(LabelFactory.UNKNOWN_LABEL, rows, r, names, NONE, known));
    }
    List<Prediction<Label>> predictions = model.predict(batch);
    for (int r = 0; r < n; r++) {
      scores[r] = predictions.get(r).getOutputScores().get(Labels.POSITIVE_NAME).getScore();
    }
  }
}
