package dev.precis.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precis.config.ConfigLoader;
import dev.precis.config.ConfigOverride;
import dev.precis.config.EngineConfig;
import dev.precis.config.PrecisConfig;
import dev.precis.data.Preparation;
import dev.precis.data.PreparedData;
import dev.precis.model.ModelArtifact;
import dev.precis.model.ModelCatalog;
import dev.precis.model.ModelType;
import dev.precis.model.ResponseTask;
import dev.precis.report.FamilyImportance;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Specifies each family's own importance on the bank sample: by the user's columns, largest first;
 * coefficients for a linear model, gain shares for a booster, none for a tree.
 */
class ModelImportanceTest {
  private static final EngineConfig ONE_THREAD = new EngineConfig(EngineConfig.Device.CPU, 1);

  private static Optional<FamilyImportance> importance(String family, Object... keysAndValues) {
    ModelType type = ModelCatalog.type(family);
    PrecisConfig config =
        new ConfigLoader(ModelCatalog::complete)
            .load(
                null,
                List.of(
                    ConfigOverride.parseSet("data.path=sample-data/bank/bank-additional.csv"),
                    ConfigOverride.parseSet("data.target=y"),
                    ConfigOverride.parseSet("data.drop=[duration]"),
                    ConfigOverride.parseSet("model.type=" + family)));
    PreparedData bank = Preparation.run(config, type.needs()).data();
    Map<String, Object> params = new LinkedHashMap<>();
    type.params().forEach(p -> params.put(p.name(), p.defaultValue()));
    for (int i = 0; i < keysAndValues.length; i += 2) {
      params.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    ModelArtifact model =
        type.fitter(params)
            .fit(bank.train(), bank.valid(), new ResponseTask("y", "yes"), ONE_THREAD, 42);
    return ModelImportance.of(model, bank.pipeline(), bank.valid(), bank.train(), 42);
  }

  private static void assertColumnsLargestFirst(FamilyImportance importance) {
    List<String> names =
        importance.columns().stream().map(FamilyImportance.Column::column).toList();
    assertTrue(names.contains("job") && names.contains("age"), names.toString());
    assertTrue(names.stream().noneMatch(n -> n.contains("=")), "no one-hot level: " + names);
    for (int c = 1; c < names.size(); c++) {
      assertTrue(importance.columns().get(c - 1).value() >= importance.columns().get(c).value());
    }
  }

  @Test
  void linearModelsRankColumnsByTheirCoefficientsContributions() {
    FamilyImportance importance = importance("logistic", "epochs", 2).orElseThrow();
    assertEquals("coefficients", importance.method());
    assertEquals("valid", importance.rows());
    assertColumnsLargestFirst(importance);
    assertTrue(importance.columns().get(0).value() > 0);
  }

  @Test
  void boostersRankColumnsByTheirShareOfTheGain() {
    FamilyImportance importance = importance("xgboost", "rounds", 20).orElseThrow();
    assertEquals("gain", importance.method());
    assertColumnsLargestFirst(importance);
    double total = importance.columns().stream().mapToDouble(FamilyImportance.Column::value).sum();
    assertEquals(1.0, total, 1e-9);
  }

  @Test
  void otherFamiliesHavePermutationImportanceOnly() {
    assertTrue(importance("tree").isEmpty());
  }
}
