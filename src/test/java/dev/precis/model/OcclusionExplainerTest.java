package dev.precis.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precis.data.EncodedData;
import dev.precis.data.FeatureColumns;
import dev.precis.data.FeatureDistributions;
import dev.precis.data.PreparedData;
import dev.precis.data.SparseRows;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Specifies occlusion on the bank sample: the baseline row is each column's most common training
 * value; a naive Bayes model's and a factorization machine's contributions are exact (they sum to
 * the log-odds minus the baseline's), a linear model's are its weights times the distance from the
 * baseline, and a forest's agree in sign with an obvious case: a previous campaign's success raises
 * the score.
 */
class OcclusionExplainerTest {
  private static OcclusionExplainer occlusion(ModelArtifact model, PreparedData bank) {
    List<String> features = bank.pipeline().featureNames();
    FeatureColumns columns = FeatureColumns.of(bank.pipeline());
    return new OcclusionExplainer(model.scorer(features), columns, baseline(bank));
  }

  private static double[] baseline(PreparedData bank) {
    return OcclusionExplainer.baselineRow(
        bank.pipeline().featureNames(),
        FeatureColumns.of(bank.pipeline()),
        Optional.of(FeatureDistributions.of(bank.pipeline(), bank.train())));
  }

  private static double logOdds(double p) {
    return Math.log(p) - Math.log1p(-p);
  }

  @Test
  void theBaselineRowHoldsEachColumnsMostCommonTrainingValue() {
    PreparedData bank = ExplainerTest.prepare(ModelCatalog.type("forest"));
    List<String> features = bank.pipeline().featureNames();
    double[] baseline = baseline(bank);
    SparseRows x = bank.train().x();
    int nonexistent = features.indexOf("poutcome=nonexistent");
    int success = features.indexOf("poutcome=success");
    assertTrue(nonexistent >= 0 && success >= 0, features.toString());
    long count = 0;
    for (int r = 0; r < x.rows(); r++) {
      for (int k = x.start(r); k < x.end(r); k++) {
        count += x.feature(k) == nonexistent ? 1 : 0;
      }
    }
    assertTrue(count > x.rows() / 2, "most clients had no previous campaign");
    assertEquals(1.0, baseline[nonexistent]);
    assertEquals(0.0, baseline[success]);
  }

  @ParameterizedTest
  @ValueSource(strings = {"naive-bayes", "fm"})
  void pairwiseFamiliesContributionsSumToTheLogOddsMinusTheBaselines(String family) {
    ModelType type = ModelCatalog.type(family);
    PreparedData bank = ExplainerTest.prepare(type);
    ModelArtifact model =
        family.equals("fm")
            ? ExplainerTest.fit(type, bank, "epochs", 2)
            : ExplainerTest.fit(type, bank);
    Explainer explainer = occlusion(model, bank);
    FeatureColumns columns = FeatureColumns.of(bank.pipeline());
    EncodedData test = bank.test();
    double[][] out = ExplainerTest.contributions(explainer, test, columns);
    double[] scores = model.scorer(bank.pipeline().featureNames()).score(test.x());
    int nonzero = 0;
    for (int r = 0; r < test.rows(); r++) {
      double expected = logOdds(scores[r]) - explainer.baseline();
      assertEquals(expected, ExplainerTest.sum(out[r]), 1e-6, "row " + r);
      nonzero += Math.abs(expected) > 1e-3 ? 1 : 0;
    }
    assertTrue(nonzero > test.rows() / 2, "rows differ from the baseline");
    assertEquals("occlusion", explainer.method());
  }

  @Test
  void aLinearModelsContributionsAreItsWeightsTimesTheDistanceFromTheBaseline() {
    ModelType logistic = ModelCatalog.type("logistic");
    PreparedData bank = ExplainerTest.prepare(logistic);
    ModelArtifact model = ExplainerTest.fit(logistic, bank, "epochs", 2);
    List<String> features = bank.pipeline().featureNames();
    FeatureColumns columns = FeatureColumns.of(bank.pipeline());
    double[] weights = model.linearWeights(features).orElseThrow();
    double[] baseline = baseline(bank);
    double[][] out = ExplainerTest.contributions(occlusion(model, bank), bank.test(), columns);
    SparseRows x = bank.test().x();
    double[] row = new double[features.size()];
    for (int r = 0; r < 100; r++) {
      x.dense(r, row);
      double[] expected = new double[columns.size()];
      for (int f = 0; f < row.length; f++) {
        expected[columns.columnOf()[f]] += weights[f] * (row[f] - baseline[f]);
      }
      for (int c = 0; c < expected.length; c++) {
        assertEquals(expected[c], out[r][c], 1e-6, "row " + r + " " + columns.names().get(c));
      }
    }
  }

  @Test
  void aForestsReasonsAgreeWithAPreviousCampaignsSuccess() {
    ModelType forest = ModelCatalog.type("forest");
    PreparedData bank = ExplainerTest.prepare(forest);
    ModelArtifact model = ExplainerTest.fit(forest, bank, "trees", 20);
    FeatureColumns columns = FeatureColumns.of(bank.pipeline());
    int poutcome = columns.names().indexOf("poutcome");
    int success = bank.pipeline().featureNames().indexOf("poutcome=success");
    EncodedData rows = bank.train();
    double[][] out = ExplainerTest.contributions(occlusion(model, bank), rows, columns);
    int successes = 0;
    int raised = 0;
    for (int r = 0; r < rows.rows(); r++) {
      boolean isSuccess = false;
      for (int k = rows.x().start(r); k < rows.x().end(r); k++) {
        isSuccess |= rows.x().feature(k) == success;
      }
      if (!isSuccess) {
        continue;
      }
      successes++;
      raised += out[r][poutcome] > 0 ? 1 : 0;
    }
    assertTrue(successes > 20, "the sample has successes: " + successes);
    assertTrue(raised > 0.9 * successes, raised + " of " + successes + " raised by poutcome");
  }
}
