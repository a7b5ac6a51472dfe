package dev.precis.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precis.config.EngineConfig;
import dev.precis.config.PrecisConfig;
import dev.precis.data.EncodedData;
import dev.precis.data.FeatureColumns;
import dev.precis.data.Preparation;
import dev.precis.data.PreparedData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.DMatrix;
import org.junit.jupiter.api.Test;

/**
 * Specifies the exact explanations on the bank sample: a linear model's column contributions sum to
 * its log-odds minus the intercept's, a booster's TreeSHAP contributions plus its bias sum to its
 * margin, and both come folded into the user's columns.
 */
class ExplainerTest {
  private static final EngineConfig ONE_THREAD = new EngineConfig(EngineConfig.Device.CPU, 1);

  static PreparedData prepare(ModelType type) {
    PrecisConfig config = ModelBundleTest.bankConfig("model.type=" + type.name());
    return Preparation.run(config, type.needs()).data();
  }

  static ModelArtifact fit(ModelType type, PreparedData bank, Object... keysAndValues) {
    Map<String, Object> params = new LinkedHashMap<>();
    type.params().forEach(p -> params.put(p.name(), p.defaultValue()));
    for (int i = 0; i < keysAndValues.length; i += 2) {
      params.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return type.fitter(params)
        .fit(bank.train(), bank.valid(), new ResponseTask("y", "yes"), ONE_THREAD, 42);
  }

  static double[][] contributions(Explainer explainer, EncodedData rows, FeatureColumns columns) {
    double[][] out = new double[rows.rows()][columns.size()];
    explainer.contributions(rows.x(), rows.rows(), columns, out);
    return out;
  }

  static double sum(double[] values) {
    double sum = 0;
    for (double value : values) {
      sum += value;
    }
    return sum;
  }

  @Test
  void linearContributionsSumToTheLogOddsMinusTheIntercept() {
    ModelType logistic = ModelCatalog.type("logistic");
    PreparedData bank = prepare(logistic);
    ModelArtifact model = fit(logistic, bank, "epochs", 2);
    List<String> features = bank.pipeline().featureNames();
    Explainer explainer = model.explainer(features).orElseThrow();
    FeatureColumns columns = FeatureColumns.of(bank.pipeline());
    EncodedData test = bank.test();
    double[][] out = contributions(explainer, test, columns);
    double[] scores = model.scorer(features).score(test.x());
    for (int r = 0; r < test.rows(); r++) {
      double logit = Math.log(scores[r]) - Math.log1p(-scores[r]);
      assertEquals(logit - explainer.baseline(), sum(out[r]), 1e-9, "row " + r);
    }
    assertEquals("linear", explainer.method());
  }

  @Test
  void linearContributionsAreFoldedIntoColumnsAsTheirLevelsWeights() {
    ModelType logistic = ModelCatalog.type("logistic");
    PreparedData bank = prepare(logistic);
    ModelArtifact model = fit(logistic, bank, "epochs", 2);
    List<String> features = bank.pipeline().featureNames();
    FeatureColumns columns = FeatureColumns.of(bank.pipeline());
    assertTrue(columns.size() < features.size(), "one-hot levels fold into fewer columns");
    int job = columns.names().indexOf("job");
    assertTrue(job >= 0, "the user's column job: " + columns.names());
    double[] weights = model.linearWeights(features).orElseThrow();
    double[][] out = contributions(model.explainer(features).orElseThrow(), bank.test(), columns);
    var x = bank.test().x();
    for (int r = 0; r < 50; r++) {
      double expected = 0;
      for (int k = x.start(r); k < x.end(r); k++) {
        if (columns.columnOf()[x.feature(k)] == job) {
          expected += weights[x.feature(k)] * x.value(k);
        }
      }
      assertEquals(expected, out[r][job], 1e-12, "row " + r);
    }
  }

  @Test
  void treeShapContributionsPlusTheBiasSumToTheMargin() throws Exception {
    ModelType xgboost = ModelCatalog.type("xgboost");
    PreparedData bank = prepare(xgboost);
    BoosterArtifact model =
        (BoosterArtifact) fit(xgboost, bank, "rounds", 30, "early_stopping_rounds", 0);
    List<String> features = bank.pipeline().featureNames();
    Explainer explainer = model.explainer(features).orElseThrow();
    FeatureColumns columns = FeatureColumns.of(bank.pipeline());
    EncodedData test = bank.test();
    double[][] out = contributions(explainer, test, columns);
    DMatrix matrix = XGBoostData.matrix(test.x(), test.rows());
    float[][] margins = model.booster().predict(matrix, true, model.rounds());
    matrix.dispose();
    for (int r = 0; r < test.rows(); r++) {
      assertEquals(margins[r][0], explainer.baseline() + sum(out[r]), 1e-4, "row " + r);
    }
    assertEquals("treeshap", explainer.method());
    assertEquals(columns.size(), out[0].length, "one contribution per column");
  }

  @Test
  void treeShapTablesGiveXGBoostsOwnShapleyValues() throws Exception {
    ModelType xgboost = ModelCatalog.type("xgboost");
    PreparedData bank = prepare(xgboost);
    BoosterArtifact model =
        (BoosterArtifact) fit(xgboost, bank, "rounds", 30, "early_stopping_rounds", 0);
    TreeShapTables tables = TreeShapTables.of(model.booster(), model.rounds()).orElseThrow();
    FeatureColumns columns = FeatureColumns.of(bank.pipeline());
    EncodedData test = bank.test();
    DMatrix matrix = XGBoostData.matrix(test.x(), test.rows());
    float[][] fromXgboost = model.booster().predictContrib(matrix, model.rounds());
    matrix.dispose();
    float[] x = new float[test.x().width()];
    int[] followed = new int[tables.maxNodes()];
    for (int r = 0; r < test.rows(); r++) {
      java.util.Arrays.fill(x, Float.NaN);
      for (int k = test.x().start(r); k < test.x().end(r); k++) {
        x[test.x().feature(k)] = (float) test.x().value(k);
      }
      double[] ours = new double[columns.size()];
      tables.add(x, columns.columnOf(), followed, ours);
      double[] theirs = new double[columns.size()];
      for (int f = 0; f < columns.columnOf().length; f++) {
        theirs[columns.columnOf()[f]] += fromXgboost[r][f];
      }
      for (int c = 0; c < ours.length; c++) {
        assertEquals(theirs[c], ours[c], 1e-5, "row " + r + " " + columns.names().get(c));
      }
    }
  }
}
