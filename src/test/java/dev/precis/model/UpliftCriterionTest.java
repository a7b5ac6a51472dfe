package dev.precis.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.precis.model.UpliftCriterion.Counts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Specifies the uplift split criteria on splits checked by hand: a node of 100 treated and 100
 * control rows, half of each responding, split into a left child where the treated respond at 0.8
 * and the control at 0.2, and a right child the other way round.
 */
class UpliftCriterionTest {
  private static final Counts NODE = new Counts(100, 50, 100, 50);

  /**
   * Before the split the arms agree (divergence 0); after it each child's divergence is D(0.8 :
   * 0.2): KL = 0.8 log2 4 + 0.2 log2 0.25 = 1.2, ED = 2 (0.6)^2 = 0.72, chi = 0.36 / 0.16 = 2.25.
   * Each arm goes half left, so the normalisation is 0.5 H(0.5) + 0.5 H(0.5) + 0.5: 1.5 with
   * entropy (KL), 1.0 with Gini (ED, chi).
   */
  @ParameterizedTest
  @CsvSource({"KL, 0.8", "ED, 0.72", "CHI, 2.25"})
  void aSplitThatSeparatesTheArmsGainsItsDivergenceOverTheNormalisation(
      UpliftCriterion criterion, double expected) {
    assertEquals(expected, criterion.gain(NODE, new Counts(50, 40, 50, 10)), 1e-12);
  }

  @ParameterizedTest
  @CsvSource({"KL", "ED", "CHI"})
  void aSplitWhereTheArmsRespondAlikeOnBothSidesGainsNothing(UpliftCriterion criterion) {
    assertEquals(0, criterion.gain(NODE, new Counts(50, 40, 50, 40)), 1e-12);
  }
}
