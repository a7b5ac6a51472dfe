package dev.precis.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precis.PrecisException;
import dev.precis.config.ConfigLoader;
import dev.precis.config.ConfigOverride;
import dev.precis.config.PrecisConfig;
import dev.precis.eval.Gates;
import dev.precis.model.ModelCatalog;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Specifies tune.space and tune.models: the forms accepted, the grid, and the errors. */
class SearchSpaceTest {
  private final ConfigLoader loader =
      new ConfigLoader(c -> SearchSpace.validate(Gates.validate(ModelCatalog.complete(c))));

  @Test
  void gridEnumeratesEveryCombinationWithARangeAsMinMiddleMaxTest() {
    PrecisConfig config = load("tune.space={batch_size: [16, 64], epochs: {min: 2, max: 10}}");
    List<Candidate> grid = Candidates.grid(SearchSpace.of(config).families());
    assertEquals(6, grid.size(), grid.toString());
    Set<String> points =
        grid.stream()
            .map(c -> c.params().get("batch_size") + "/" + c.params().get("epochs"))
            .collect(Collectors.toSet());
    assertEquals(Set.of("16/2", "16/6", "16/10", "64/2", "64/6", "64/10"), points);
    for (int i = 0; i < grid.size(); i++) {
      assertEquals(i + 1, grid.get(i).number());
      assertEquals(0.1, grid.get(i).params().get("learning_rate"), "unsearched keeps model.params");
    }
  }

  @Test
  void everyModelTypesDefaultSpaceDrawsParamsItsFamilyAcceptsTest() {
    // uplift-forest is refused under task response: UpliftForestTest searches its space
    for (String type : ModelCatalog.names()) {
      if (type.equals("uplift-forest")) {
        continue;
      }
      PrecisConfig config = load("tune.models=[" + type + "]");
      FamilySpace space = SearchSpace.of(config).families().get(0);
      assertTrue(!space.dimensions().isEmpty(), type + " searches nothing by default");
      for (int seed = 0; seed < 5; seed++) {
        ModelCatalog.type(type).fitter(space.sample(new Random(seed)));
      }
      Candidates.grid(List.of(space)).forEach(c -> ModelCatalog.type(type).fitter(c.params()));
    }
  }

  @Test
  void flatSpaceBelongsToModelTypeAndOtherTypesSearchTheirDefaultSpaceTest() {
    PrecisConfig config = load("tune.models=[logistic, mlp]", "tune.space={epochs: [3]}");
    List<FamilySpace> families = SearchSpace.of(config).families();
    assertEquals(List.of("logistic", "mlp"), families.stream().map(FamilySpace::family).toList());
    assertEquals(Map.of("epochs", List.of(3)), families.get(0).dimensions());
    assertEquals(
        ModelCatalog.type("mlp").defaultSpace().keySet(), families.get(1).dimensions().keySet());
  }

  @Test
  void anExplicitSearchMeansTheSameWhenAnotherTypeWinsTest() {
    PrecisConfig config = load("tune.models=[logistic, mlp]", "tune.space={batch_size: [7]}");
    PrecisConfig mlpWon =
        ModelCatalog.complete(
            SearchSpace.explicit(config).withModel(config.model().with("mlp", Map.of())));
    List<FamilySpace> families = SearchSpace.of(mlpWon).families();
    assertEquals(Map.of("batch_size", List.of(7)), families.get(0).dimensions());
    assertEquals("logistic", families.get(0).family());
    assertEquals(
        ModelCatalog.type("mlp").defaultSpace().keySet(), families.get(1).dimensions().keySet());
  }

  @Test
  void randomCandidatesAreDrawnFromTheSeedWithTheTypesTakingTurnsTest() {
    PrecisConfig config =
        load("tune.models=[mlp, logistic]", "tune.space={mlp: {epochs: {min: 1, max: 50}}}");
    List<FamilySpace> families = SearchSpace.of(config).families();
    List<Candidate> first = Candidates.random(families, 6, new Random(7));
    List<Candidate> again = Candidates.random(families, 6, new Random(7));
    assertEquals(
        first.stream().map(Candidate::params).toList(),
        again.stream().map(Candidate::params).toList());
    assertEquals(
        List.of("mlp", "logistic", "mlp", "logistic", "mlp", "logistic"),
        first.stream().map(Candidate::family).toList());
  }

  @Test
  void everyWrongFormIsAConfigErrorNamingTheKeyTest() {
    List<Map.Entry<String, String[]>> cases =
        List.of(
            Map.entry("tune.models[1]", new String[] {"tune.models=[logistic, xgboostt]"}),
            Map.entry(
                "tune.space.mlp",
                new String[] {"tune.space={mlp: {epochs: [3]}}"}), // mlp is not searched
            Map.entry(
                "tune.space.logistic",
                new String[] {"tune.space={logistic: [1, 2]}"}), // a section is a map
            Map.entry(
                "tune.space.epochs",
                new String[] {"tune.space={epochs: {min: 1, max: 5, step: 1}}"}),
            Map.entry(
                "tune.space.learning_rate.min",
                new String[] {"tune.space={learning_rate: {min: 0, max: 1, log: true}}"}),
            Map.entry("tune.space.batch_size", new String[] {"tune.space={batch_size: []}"}),
            Map.entry(
                "tune.space.mlp.hidden",
                new String[] {
                  "tune.models=[logistic, mlp]", "tune.space={mlp: {hidden: {min: 1, max: 9}}}"
                }),
            Map.entry(
                "tune.space.epochs.min", new String[] {"tune.space={epochs: {min: 0.5, max: 9}}"}),
            Map.entry("tune.space.ephocs", new String[] {"tune.space={ephocs: [1]}"}),
            Map.entry(
                "tune.space.epochs",
                new String[] {"tune.space={epochs: [3], logistic: {epochs: [4]}}"}),
            Map.entry("tune.time_budget", new String[] {"tune.time_budget=15 minutes"}),
            Map.entry("tune.eta", new String[] {"tune.eta=1"}));
    for (Map.Entry<String, String[]> wrong : cases) {
      PrecisException e =
          assertThrows(
              PrecisException.class,
              () -> load(wrong.getValue()),
              Arrays.toString(wrong.getValue()));
      assertEquals(2, e.exitCode(), e.getMessage());
      assertTrue(e.getMessage().contains(" " + wrong.getKey() + ": "), e.getMessage());
    }
  }

  @Test
  void everyDocumentedStrategyAndTheDocumentedSectionFormLoadTest() {
    for (String strategy : List.of("grid", "random", "halving", "tpe")) {
      assertEquals(
          strategy, load("tune.strategy=" + strategy).tune().strategy().name().toLowerCase());
    }
    PrecisConfig config =
        load(
            "tune.models=[logistic, mlp]",
            "tune.space={mlp: {epochs: [10, 20]}, logistic: {batch_size: [16, 64]}}");
    assertEquals(
        List.of(Map.of("batch_size", List.of(16, 64)), Map.of("epochs", List.of(10, 20))),
        SearchSpace.of(config).families().stream().map(FamilySpace::dimensions).toList());
  }

  @Test
  void timeBudgetTakesSecondsMinutesAndHoursTest() {
    assertEquals(90, load("tune.time_budget=90s").tune().budget().toSeconds());
    assertEquals(900, load("tune.time_budget=15m").tune().budget().toSeconds());
    assertEquals(3600, load("tune.time_budget=1h").tune().budget().toSeconds());
    assertEquals(null, load("seed=1").tune().budget());
  }

  @Test
  void anUnknownFlatKeyNamesTheModelTypesTooTest() {
    PrecisException e =
        assertThrows(PrecisException.class, () -> load("tune.space={mpl: {epochs: [1]}}"));
    assertTrue(e.getMessage().contains("mlp"), e.getMessage());
  }

  private PrecisConfig load(String... assignments) {
    return loader.load(null, Arrays.stream(assignments).map(ConfigOverride::parseSet).toList());
  }
}
