package dev.precis.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precis.PrecisException;
import dev.precis.model.ModelCatalog;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Specifies eval.economics, eval.threshold's forms and predict.budget as keys, and their errors.
 */
class EconomicsConfigTest {
  private final ConfigLoader loader = new ConfigLoader(ModelCatalog::complete);

  @Test
  void economicsAndAChosenThresholdBindAndSurviveTheBundleTest() throws Exception {
    PrecisConfig config =
        load(
            "eval.economics={cost: 1.5, value: 40, fixed: 500, budget: {money: 10000}}",
            "eval.threshold=profit",
            "predict.budget=true");
    Economics economics = config.eval().economics();
    assertEquals(1.5, economics.cost());
    assertEquals(500.0, economics.fixed());
    assertEquals(10000.0, economics.budget().money());
    assertNull(economics.budget().contacts());
    // (10000 - 500) / 1.5 = 6333.3 contacts.
    assertEquals(6333, economics.maxContacts(1_000_000));
    assertEquals(ThresholdRule.By.PROFIT, config.eval().threshold().by());
    // A bundle keeps the config as JSON and reads it back.
    String json = Mappers.json().writeValueAsString(config);
    assertEquals(config, Mappers.json().readValue(json, PrecisConfig.class));
    assertEquals("profit", Mappers.json().readTree(json).at("/eval/threshold").asText(), json);
  }

  @Test
  void defaultsHaveNoEconomicsAndAFixedThresholdTest() {
    PrecisConfig config = load();
    assertNull(config.eval().economics());
    assertEquals(ThresholdRule.fixed(0.5), config.eval().threshold());
    assertEquals(ThresholdRule.By.F1, load("eval.threshold=f1").eval().threshold().by());
  }

  @Test
  void eachMistakeNamesItsKeyTest() {
    assertMentions(failure("eval.threshold=best"), "eval.threshold", "f1 or profit");
    assertMentions(failure("eval.threshold=profit"), "eval.threshold", "eval.economics");
    assertMentions(failure("eval.threshold=1.5"), "eval.threshold");
    assertMentions(failure("eval.economics={cost: -1, value: 4}"), "eval.economics.cost");
    assertMentions(failure("eval.economics={cost: 1, value: 0}"), "eval.economics.value");
    assertMentions(
        failure("eval.economics={cost: 1, value: 4, budget: {}}"), "eval.economics.budget");
    assertMentions(
        failure("eval.economics={cost: 1, value: 4, budget: {contacts: 5, money: 9}}"),
        "eval.economics.budget");
    assertMentions(failure("predict.budget=true"), "predict.budget", "eval.economics");
    assertMentions(
        failure(
            "eval.economics={cost: 1, value: 4}", "predict.budget=true", "predict.top_percent=5"),
        "top_percent, threshold or budget");
  }

  private PrecisConfig load(String... sets) {
    return loader.load(null, Arrays.stream(sets).map(ConfigOverride::parseSet).toList());
  }

  private PrecisException failure(String... sets) {
    PrecisException e = assertThrows(PrecisException.class, () -> load(sets));
    assertEquals(PrecisException.USAGE, e.exitCode(), e.getMessage());
    return e;
  }

  private static void assertMentions(PrecisException e, String... parts) {
    for (String part : List.of(parts)) {
      assertTrue(e.getMessage().contains(part), "expected '" + part + "' in: " + e.getMessage());
    }
  }
}
