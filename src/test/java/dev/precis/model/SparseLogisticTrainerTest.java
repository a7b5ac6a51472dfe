package dev.precis.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.precis.config.ConfigLoader;
import dev.precis.config.ConfigOverride;
import dev.precis.config.PrecisConfig;
import dev.precis.data.EncodedData;
import dev.precis.data.PipelineNeeds;
import dev.precis.data.Preparation;
import dev.precis.data.PreparedData;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.AdaGrad;

/**
 * Specifies the logistic family's trainer: it fits the model Tribuo's LinearSGDTrainer fits with
 * the same settings and seed, on tabular rows (bank) and on sparse text rows (SMS), with full and
 * single-row minibatches, and with Tribuo's domains built beside the fit (two threads) or before it
 * (one).
 */
class SparseLogisticTrainerTest {

  static PreparedData bank() {
    return Preparation.run(ModelBundleTest.bankConfig(), PipelineNeeds.SCALED).data();
  }

  static PreparedData sms() {
    PrecisConfig config =
        new ConfigLoader(ModelCatalog::complete)
            .load(
                Path.of("sample-data/sms/sms.yaml"),
                List.of(ConfigOverride.parseSet("prep.split.valid=0")));
    return Preparation.run(config, PipelineNeeds.SCALED).data();
  }

  /** Both trainers' models, scoring the same rows and holding weights equal to 1e-9. */
  private static void assertSameModel(
      PreparedData data, int epochs, double rate, int batch, long seed, int threads) {
    EncodedData train = data.train();
    LinearSGDModel tribuo =
        (LinearSGDModel)
            new LinearSGDTrainer(
                    new LogMulticlass(),
                    new AdaGrad(rate, 1e-6),
                    epochs,
                    Integer.MAX_VALUE,
                    batch,
                    seed)
                .train(TribuoTraining.dataset(train));
    LinearSGDModel ours = new SparseLogisticTrainer(epochs, rate, batch, seed).fit(train, threads);
    List<String> names = data.pipeline().featureNames();
    double[] expected = LinearScorer.weights(tribuo, names);
    double[] actual = LinearScorer.weights(ours, names);
    for (int f = 0; f < expected.length; f++) {
      assertEquals(expected[f], actual[f], 1e-9 * (1 + Math.abs(expected[f])), names.get(f));
    }
    assertEquals(
        tribuo.getWeightsCopy().get(0, tribuo.getFeatureIDMap().size()),
        ours.getWeightsCopy().get(0, ours.getFeatureIDMap().size()),
        1e-9,
        "bias");
    EncodedData rows = data.valid().rows() > 0 ? data.valid() : train;
    assertArrayEquals(
        Scorers.forModel(tribuo, names).score(rows.x()),
        Scorers.forModel(ours, names).score(rows.x()),
        1e-9);
  }

  @Test
  void fitsTribuosModelOnTabularRows() {
    PreparedData bank = bank();
    assertSameModel(bank, 3, 0.1, 16, 42, 2);
    assertSameModel(bank, 2, 0.5, 1, 7, 1);
  }

  @Test
  void fitsTribuosModelOnTextRowsWithAPartialLastBatch() {
    PreparedData sms = sms();
    // 4,459 rows: the last of the 64-row minibatches holds 43
    assertSameModel(sms, 2, 0.1, 64, 42, 2);
    assertSameModel(sms, 1, 0.2, 16, 3, 1);
  }
}
