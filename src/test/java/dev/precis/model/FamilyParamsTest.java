package dev.precis.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precis.PrecisException;
import dev.precis.config.ConfigLoader;
import dev.precis.config.ConfigOverride;
import dev.precis.config.PrecisConfig;
import dev.precis.data.PipelineNeeds;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Specifies that each family gets its parameters as a record of its own, built from the validated
 * model.params, and that a bad value is still a config error naming its key.
 */
class FamilyParamsTest {

  private static PrecisConfig config(String... sets) {
    List<ConfigOverride> overrides = Arrays.stream(sets).map(ConfigOverride::parseSet).toList();
    return new ConfigLoader(ModelCatalog::complete).load(null, overrides);
  }

  private static void assertConfigError(String key, String... sets) {
    PrecisException e = assertThrows(PrecisException.class, () -> config(sets));
    assertEquals(PrecisException.USAGE, e.exitCode());
    assertTrue(e.getMessage().contains(key), e.getMessage());
  }

  @Test
  void logisticDefaultsBecomeItsRecord() {
    assertEquals(
        new LogisticParams(10, 0.1, 16), new LogisticFamily().params(config().model().params()));
  }

  @Test
  void logisticParamsSetOnTheCommandLineReachItsRecord() {
    PrecisConfig config =
        config(
            "model.params.epochs=30",
            "model.params.learning_rate=0.05",
            "model.params.batch_size=64");
    assertEquals(
        new LogisticParams(30, 0.05, 64), new LogisticFamily().params(config.model().params()));
  }

  @Test
  void logisticParamOutOfRangeIsAConfigErrorNamingIt() {
    assertConfigError("model.params.learning_rate", "model.params.learning_rate=0");
  }

  @Test
  void mlpDefaultsBecomeItsRecord() {
    assertEquals(
        new MlpParams(List.of(64, 32), "relu", 0.1, 1e-5, 256, 0.001, "adam", 50, 5, "none", 3),
        new MlpFamily().params(config("model.type=mlp").model().params()));
  }

  @Test
  void mlpParamsSetOnTheCommandLineReachItsRecord() {
    PrecisConfig config =
        config(
            "model.type=mlp",
            "model.params.hidden=[8, 4]",
            "model.params.optimizer=sgd",
            "model.params.activation=tanh",
            "model.params.class_weights=balanced",
            "model.params.epochs=3",
            "model.params.members=2");
    assertEquals(
        new MlpParams(List.of(8, 4), "tanh", 0.1, 1e-5, 256, 0.001, "sgd", 3, 5, "balanced", 2),
        new MlpFamily().params(config.model().params()));
  }

  @Test
  void mlpUnknownOptimizerIsAConfigErrorNamingIt() {
    assertConfigError("model.params.optimizer", "model.type=mlp", "model.params.optimizer=adamw");
  }

  @Test
  void everyFamilysDeclaredParamsBindToItsRecord() {
    // uplift-forest is refused under task response: UpliftForestTest binds its params
    for (String name : ModelCatalog.names()) {
      if (name.equals("uplift-forest")) {
        continue;
      }
      PrecisConfig config = config("model.type=" + name);
      ModelCatalog.type(name).fitter(config.model().params());
    }
  }

  @Test
  void bindingRejectsParamsTheRecordDoesNotHave() {
    assertThrows(
        IllegalStateException.class,
        () ->
            ModelFamily.bind(
                java.util.Map.of("epochs", 1, "learning_rate", 0.1), LogisticParams.class));
  }

  @Test
  void logisticWantsScaledNumbersAndMlpTheirQuantileScores() {
    assertEquals(PipelineNeeds.SCALED, ModelCatalog.type("logistic").needs());
    assertEquals(
        new PipelineNeeds(PipelineNeeds.Numbers.QUANTILE, false), ModelCatalog.type("mlp").needs());
  }
}
