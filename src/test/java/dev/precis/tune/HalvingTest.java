package dev.precis.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.precis.model.ModelCatalog;
import dev.precis.model.ModelType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Specifies the budgets of successive halving's rungs. */
class HalvingTest {
  private static final ModelType LOGISTIC = ModelCatalog.type("logistic");

  @Test
  void nineCandidatesRunInThreeRungsOfNineThreeAndOneTest() {
    assertEquals(13, new Halving(List.of(space(LOGISTIC)), 9, 3).planned());
    assertEquals(7, new Halving(List.of(space(LOGISTIC)), 4, 2).planned());
    assertEquals(2, new Halving(List.of(space(LOGISTIC)), 2, 3).planned(), "one rung");
  }

  @Test
  void theBudgetParameterGrowsEtaTimesEachRungUpToItsFullValueTest() {
    FamilySpace space = space(LOGISTIC);
    Halving halving = new Halving(List.of(space), 9, 3);
    int[] epochs = {1, 3, 9};
    for (int r = 0; r < 3; r++) {
      Candidate candidate = halving.budgeted(r + 1, space, space.base(), r);
      assertEquals(epochs[r], candidate.params().get("epochs"));
      assertEquals(1.0, candidate.rowShare());
      assertEquals(r < 2 ? Map.of("epochs", epochs[r]) : Map.of(), candidate.budget());
    }
  }

  @Test
  void aTypeWithoutABudgetParameterFitsOnAGrowingShareOfTheRowsTest() {
    ModelType noBudget =
        new ModelType(
            "logistic",
            LOGISTIC.description(),
            LOGISTIC.params(),
            LOGISTIC.defaultSpace(),
            null,
            LOGISTIC.factory());
    FamilySpace space = space(noBudget);
    Halving halving = new Halving(List.of(space), 9, 3);
    double[] shares = {1.0 / 9, 1.0 / 3, 1.0};
    for (int r = 0; r < 3; r++) {
      Candidate candidate = halving.budgeted(r + 1, space, space.base(), r);
      assertEquals(shares[r], candidate.rowShare(), 1e-12);
      assertEquals(9, candidate.params().get("epochs"), "parameters as drawn");
    }
  }

  private static FamilySpace space(ModelType type) {
    Map<String, Object> base = new HashMap<>();
    type.params().forEach(p -> base.put(p.name(), p.defaultValue()));
    base.put("epochs", 9);
    return new FamilySpace(type, base, Map.of());
  }
}
