package dev.precis.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precis.config.ConfigLoader;
import dev.precis.config.ConfigOverride;
import dev.precis.config.EngineConfig;
import dev.precis.config.PrecisConfig;
import dev.precis.data.PreparedData;
import dev.precis.data.SparseRows;
import dev.precis.report.TermWeights;
import dev.precis.train.TopTerms;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Specifies a linear SVM's weights on the SMS messages: each is the change in the margin towards
 * spam that its feature makes, and the report's top terms list them as it lists logistic's.
 */
class SvmWeightsTest {
  private static final ModelType SVM = ModelCatalog.type("linear-svm");

  private static PreparedData sms;
  private static ModelArtifact model;

  @BeforeAll
  static void fit() {
    PrecisConfig config =
        new ConfigLoader(ModelCatalog::complete)
            .load(
                Path.of("sample-data/sms/sms.yaml"),
                List.of(
                    ConfigOverride.parseSet("model.type=linear-svm"),
                    ConfigOverride.parseSet("prep.split.valid=0")));
    sms = dev.precis.data.Preparation.run(config, SVM.needs()).data();
    Map<String, Object> params = new java.util.LinkedHashMap<>();
    SVM.params().forEach(p -> params.put(p.name(), p.defaultValue()));
    model =
        SVM.fitter(params)
            .fit(
                sms.train(),
                sms.valid(),
                new ResponseTask("label", "spam"),
                new EngineConfig(EngineConfig.Device.CPU, 1),
                42);
  }

  /** The margin (the logit of the squashed score) of rows holding one feature each, at 1. */
  private static double[] margins(int... features) {
    SparseRows rows = new SparseRows(sms.pipeline().featureNames().size());
    for (int f : features) {
      if (f >= 0) {
        rows.put(f, 1.0);
      }
      rows.endRow();
    }
    double[] scores = model.scorer(sms.pipeline().featureNames()).score(rows);
    double[] margins = new double[scores.length];
    for (int r = 0; r < scores.length; r++) {
      margins[r] = Math.log(scores[r] / (1 - scores[r]));
    }
    return margins;
  }

  @Test
  void eachWeightIsItsFeaturesStepInTheMarginTowardsAResponse() {
    List<String> names = sms.pipeline().featureNames();
    double[] weights = model.linearWeights(names).orElseThrow();
    int free = names.indexOf("text:free");
    int later = names.indexOf("text:later");
    double[] margins = margins(-1, free, later);
    assertEquals(weights[free], margins[1] - margins[0], 1e-6);
    assertEquals(weights[later], margins[2] - margins[0], 1e-6);
    assertTrue(weights[free] > 0 && weights[later] < 0, weights[free] + " " + weights[later]);
  }

  @Test
  void reportListsTheSvmsTermsOfMostWeight() {
    List<TermWeights> terms = TopTerms.of(model, sms.pipeline());
    assertEquals(1, terms.size());
    List<String> spammy = terms.get(0).positive().stream().map(TermWeights.Term::term).toList();
    assertTrue(spammy.contains("txt"), spammy.toString());
    assertTrue(terms.get(0).negative().get(0).weight() < 0);
  }
}
