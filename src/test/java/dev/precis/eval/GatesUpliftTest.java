package dev.precis.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precis.PrecisException;
import dev.precis.config.ConfigLoader;
import dev.precis.config.ConfigOverride;
import dev.precis.config.PrecisConfig;
import dev.precis.model.ModelCatalog;
import dev.precis.tune.SearchSpace;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Gates on uplift metrics (qini, auuc, uplift@K), held on the peer's two-model logistic scores of
 * the Hillstrom test rows (visit): Qini AUC 0.0589, AUUC 0.0273, uplift@30 0.0584.
 */
class GatesUpliftTest {
  private final ConfigLoader loader =
      new ConfigLoader(c -> SearchSpace.validate(Gates.validate(ModelCatalog.complete(c))));

  private PrecisConfig load(String... sets) {
    return loader.load(null, Arrays.stream(sets).map(ConfigOverride::parseSet).toList());
  }

  private static UpliftScores twoModelLogistic() {
    return GoldenUplift.read().scored("t-lr_visit", "visit");
  }

  @Test
  void upliftGatesHoldTheMetricsTheirNamesSay() {
    PrecisConfig config = load("eval.gates={qini: 0.055, auuc: 0.03, uplift@30: 0.058}");
    List<GateResult> results = Gates.checkUplift(config.eval(), twoModelLogistic());
    assertEquals(
        List.of("auuc", "qini", "uplift@30"), results.stream().map(GateResult::metric).toList());
    UpliftScores s = twoModelLogistic();
    assertEquals(s.upliftAuc(), results.get(0).value());
    assertFalse(results.get(0).passed());
    assertEquals(s.qiniAuc(), results.get(1).value());
    assertTrue(results.get(1).passed());
    assertEquals(s.upliftAt(0.3).overall(), results.get(2).value());
    assertTrue(results.get(2).passed());
  }

  @Test
  void upliftAtAnyShareIsComputedForItsGate() {
    PrecisConfig config = load("eval.gates={uplift@12.5: 0}");
    GateResult gate = Gates.checkUplift(config.eval(), twoModelLogistic()).get(0);
    assertEquals(twoModelLogistic().upliftAt(0.125).overall(), gate.value());
  }

  @Test
  void upliftAtAShareOutsideOneToAHundredPercentIsAConfigError() {
    PrecisException e = assertThrows(PrecisException.class, () -> load("eval.gates={uplift@0: 0}"));
    assertTrue(e.getMessage().contains("eval.gates.uplift@0"), e.getMessage());
    assertThrows(PrecisException.class, () -> load("eval.gates={uplift@101: 0}"));
  }

  @Test
  void anUpliftMetricIsGatedFromBelowOnly() {
    PrecisException e =
        assertThrows(PrecisException.class, () -> load("eval.fail_over={qini: 0.5}"));
    assertTrue(e.getMessage().contains("--fail-under"), e.getMessage());
  }

  @Test
  void anUnknownNameListsTheUpliftMetricsToo() {
    PrecisException e = assertThrows(PrecisException.class, () -> load("eval.gates={qin: 0.1}"));
    assertTrue(e.getMessage().contains("qini"), e.getMessage());
    assertTrue(e.getMessage().contains("uplift@K"), e.getMessage());
  }

  @Test
  void eachTaskRefusesTheOthersMetrics() {
    PrecisConfig upliftGate = load("eval.gates={qini: 0.05}");
    PrecisException response =
        assertThrows(
            PrecisException.class,
            () -> Gates.check(upliftGate.eval(), null, new double[0], new boolean[0]));
    assertTrue(response.getMessage().contains("task: uplift"), response.getMessage());
    PrecisConfig responseGate = load("eval.gates={auc: 0.7}");
    assertThrows(
        PrecisException.class, () -> Gates.checkUplift(responseGate.eval(), twoModelLogistic()));
  }

  @Test
  void anUpliftTaskRefusesAFailOverGateNamingTheGatesItTakes() {
    PrecisConfig config = load("eval.fail_over={log_loss: 0.3}");
    PrecisException e =
        assertThrows(
            PrecisException.class, () -> Gates.checkUplift(config.eval(), twoModelLogistic()));
    assertTrue(e.getMessage().contains("eval.fail_over.log_loss"), e.getMessage());
    assertTrue(e.getMessage().contains("--fail-under qini, auuc or uplift@K"), e.getMessage());
  }
}
