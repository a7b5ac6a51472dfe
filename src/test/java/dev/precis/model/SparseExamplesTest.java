package dev.precis.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precis.data.EncodedData;
import dev.precis.data.SparseRows;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;

/**
 * Specifies how sparse rows reach Tribuo: a row without any nonzero feature still trains and
 * scores, and a feature that no row holds is still known to the model.
 */
class SparseExamplesTest {
  private static final List<String> NAMES = List.of("a", "b", "never");

  private static EncodedData data;
  private static Model<Label> model;

  @BeforeAll
  static void train() {
    SparseRows x = new SparseRows(NAMES.size());
    boolean[] y = new boolean[40];
    for (int r = 0; r < y.length; r++) {
      y[r] = r % 3 == 0;
      if (r % 4 != 1) {
        x.put(y[r] ? 0 : 1, 1.0 + r % 5);
      }
      x.endRow();
    }
    data = new EncodedData(NAMES, x, y);
    model =
        new LinearSGDTrainer(
                new LogMulticlass(), new AdaGrad(0.1, 1e-6), 5, Integer.MAX_VALUE, 4, 1)
            .train(TribuoData.dataset(data, "rows with and without features"));
  }

  private static SparseRows emptyRow() {
    SparseRows x = new SparseRows(NAMES.size());
    x.endRow();
    return x;
  }

  @Test
  void everyExampleHasAFeatureAndTheModelKnowsEveryFeature() {
    MutableDataset<Label> dataset = TribuoData.dataset(data, "test");
    for (Example<Label> example : dataset) {
      assertTrue(example.size() > 0);
    }
    for (String name : NAMES) {
      assertTrue(dataset.getFeatureMap().get(name) != null, name);
      assertTrue(model.getFeatureIDMap().get(name) != null, name);
    }
  }

  @Test
  void rowWithoutFeaturesScoresAsTribuoScoresAllZeros() {
    double tribuo =
        model
            .predict(
                new ArrayExample<>(
                    LabelFactory.UNKNOWN_LABEL,
                    NAMES.toArray(new String[0]),
                    new double[NAMES.size()]))
            .getOutputScores()
            .get(Labels.POSITIVE_NAME)
            .getScore();
    double[] linear = Scorers.forModel(model, NAMES).score(emptyRow());
    double[] general = new TribuoScorer(model, NAMES).score(emptyRow());
    assertEquals(tribuo, linear[0], 1e-12);
    assertEquals(tribuo, general[0], 1e-12);
  }

  @Test
  void tribuoScorerAgreesWithTheLinearScorerOnSparseRows() {
    double[] linear = Scorers.forModel(model, NAMES).score(data.x());
    double[] general = new TribuoScorer(model, NAMES).score(data.x());
    for (int r = 0; r < linear.length; r++) {
      assertEquals(linear[r], general[r], 1e-12, "row " + r);
    }
  }
}
