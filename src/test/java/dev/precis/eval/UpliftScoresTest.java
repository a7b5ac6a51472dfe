package dev.precis.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Uplift metrics' behaviour beyond the peer's numbers: ties, bins, intervals, the random band. */
class UpliftScoresTest {

  /** The rows of a randomised test and their scores. */
  private record Trial(double[] score, boolean[] treated, boolean[] outcome) {
    UpliftScores scored() {
      return UpliftScores.of(score, treated, outcome);
    }
  }

  /**
   * A test of n rows where only a responsive half reacts to the treatment (response 0.5 treated,
   * 0.1 otherwise); the scores find that half when informative, else they are random.
   */
  private static Trial trial(int n, boolean informative, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] score = new double[n];
    boolean[] treated = new boolean[n];
    boolean[] outcome = new boolean[n];
    for (int i = 0; i < n; i++) {
      boolean responsive = random.nextBoolean();
      treated[i] = random.nextBoolean();
      outcome[i] = random.nextDouble() < (treated[i] && responsive ? 0.5 : 0.1);
      score[i] = informative ? (responsive ? 1 : 0) + random.nextDouble() : random.nextDouble();
    }
    return new Trial(score, treated, outcome);
  }

  private static UpliftScores withEffect(int n, boolean informative, long seed) {
    return trial(n, informative, seed).scored();
  }

  @Test
  void aModelThatFindsTheResponsiveHalfIsAboveRandomOrder() {
    UpliftMetrics m = withEffect(4000, true, 1).metrics(0.3, 10, 200, 7);
    assertTrue(m.qiniAuc() > m.randomBand().high(), m.qiniAuc() + " vs " + m.randomBand());
    assertEquals(UpliftVerdict.ABOVE_RANDOM, m.verdict());
    assertEquals(1.0 / 201, m.randomBand().pValue(), 1e-12);
  }

  @Test
  void randomScoresCannotBeToldApartFromRandomOrder() {
    UpliftMetrics m = withEffect(4000, false, 2).metrics(0.3, 10, 200, 7);
    assertTrue(m.randomBand().low() < 0 && m.randomBand().high() > 0, m.randomBand().toString());
    assertEquals(UpliftVerdict.NOT_DISTINGUISHABLE_FROM_RANDOM, m.verdict());
  }

  @Test
  void theReverseOfAGoodOrderIsBelowRandomOrder() {
    Trial good = trial(4000, true, 1);
    double[] negated = Arrays.stream(good.score()).map(v -> -v).toArray();
    UpliftScores reversed = UpliftScores.of(negated, good.treated(), good.outcome());
    assertTrue(good.scored().qiniAuc() > 0);
    assertEquals(UpliftVerdict.BELOW_RANDOM, reversed.metrics(0.3, 10, 200, 7).verdict());
  }

  @Test
  void theBandIsTheSameForTheSameSeedAndMovesWithAnother() {
    UpliftScores s = withEffect(2000, false, 3);
    assertEquals(s.randomBand(100, 5), s.randomBand(100, 5));
    assertTrue(!s.randomBand(100, 5).equals(s.randomBand(100, 6)));
  }

  @Test
  void perfectOrdersScoreOne() {
    Trial t = trial(3000, true, 4);
    double[] perfect = new double[3000];
    for (int i = 0; i < 3000; i++) {
      perfect[i] = t.outcome()[i] ? (t.treated()[i] ? 1 : -1) : 0;
    }
    UpliftScores s = UpliftScores.of(perfect, t.treated(), t.outcome());
    assertEquals(1.0, s.qiniAuc(), 1e-12);
    // treated responders, then the rest, then control responders: three runs, four points
    assertEquals(4, s.perfectQiniCurve().size());
    // control responders are fewer than treated non-responders here, so the tie-break is t
    double[] perfectUplift = new double[3000];
    for (int i = 0; i < 3000; i++) {
      perfectUplift[i] = (t.outcome()[i] == t.treated()[i] ? 2 : 0) + (t.treated()[i] ? 1 : 0);
    }
    assertEquals(1.0, UpliftScores.of(perfectUplift, t.treated(), t.outcome()).upliftAuc(), 1e-12);
  }

  @Test
  void tiedScoresAreCutOnlyAtTheEndOfTheirRunAndMinusZeroTiesWithZero() {
    double[] score = {0.0, -0.0, 0.5, 0.0};
    boolean[] treated = {true, false, true, false};
    boolean[] outcome = {true, false, false, true};
    UpliftCurve qini = UpliftScores.of(score, treated, outcome).qiniCurve();
    assertEquals(3, qini.size());
    assertEquals(1, qini.rows(1));
    assertEquals(4, qini.rows(2));
    // all four rows: 1 treated responder, 1 control responder, 2 treated, 2 control
    assertEquals(0, qini.value(2), 1e-12);
  }

  @Test
  void tiesPutTheLaterRowFirstAsScikitUpliftDoes() {
    // equal scores: the order is rows 3, 2, 1, 0; the top half is rows 3 (control) and 2 (treated)
    double[] score = {1, 1, 1, 1};
    boolean[] treated = {true, false, true, false};
    boolean[] outcome = {false, false, true, false};
    UpliftAtK half = UpliftScores.of(score, treated, outcome).upliftAt(0.5);
    assertEquals(1.0, half.overall(), 1e-12);
  }

  @Test
  void binsSplitAsNumpyArraySplitWithAgrestiCaffoIntervals() {
    List<UpliftBin> bins = withEffect(1003, true, 5).byBin(10);
    assertEquals(10, bins.size());
    for (int i = 0; i < 10; i++) {
      UpliftBin b = bins.get(i);
      assertEquals(i < 3 ? 101 : 100, b.rows());
      assertEquals(b.rows(), b.treatedRows() + b.controlRows());
      double pt = (double) b.treatedResponders() / b.treatedRows();
      double pc = (double) b.controlResponders() / b.controlRows();
      assertEquals(pt - pc, b.uplift(), 1e-12);
      double at = (b.treatedResponders() + 1.0) / (b.treatedRows() + 2);
      double ac = (b.controlResponders() + 1.0) / (b.controlRows() + 2);
      double se =
          Math.sqrt(at * (1 - at) / (b.treatedRows() + 2) + ac * (1 - ac) / (b.controlRows() + 2));
      assertEquals(at - ac - 1.96 * se, b.low(), 1e-4 * se);
      assertEquals(at - ac + 1.96 * se, b.high(), 1e-4 * se);
    }
  }

  @Test
  void anIntervalOverABinWithoutControlRespondersStillReachesZero() {
    // 100 treated rows with 5 responders, 100 control rows with none: the plain Wald interval,
    // 0.05 +- 0.043, would call this uplift certain
    int n = 200;
    double[] score = new double[n];
    boolean[] treated = new boolean[n];
    boolean[] outcome = new boolean[n];
    for (int i = 0; i < n; i++) {
      score[i] = 1;
      treated[i] = i < 100;
      outcome[i] = i < 5;
    }
    UpliftBin bin = UpliftScores.of(score, treated, outcome).byBin(1).get(0);
    assertEquals(0.05, bin.uplift(), 1e-12);
    assertTrue(0.05 - 1.96 * Math.sqrt(0.05 * 0.95 / 100) > 0);
    assertTrue(bin.low() < 0 && bin.high() > 0.05, bin.low() + " to " + bin.high());
  }

  @Test
  void aBinOrTopWithoutAControlRowHasNoUplift() {
    double[] score = {4, 3, 2, 1};
    boolean[] treated = {true, true, false, false};
    boolean[] outcome = {true, false, true, false};
    UpliftScores s = UpliftScores.of(score, treated, outcome);
    UpliftBin first = s.byBin(2).get(0);
    assertEquals(0.5, first.treatedRate(), 1e-12);
    assertNull(first.controlRate());
    assertNull(first.uplift());
    assertNull(s.upliftAt(0.5).overall());
    assertEquals(0.5 - 0.5, s.upliftAt(0.5).byGroup(), 1e-12);
  }

  @Test
  void theReportKeepsAtMostTheSampledPointsOnTheExactCurve() {
    UpliftScores s = withEffect(5000, true, 6);
    UpliftMetrics m = s.metrics(UpliftScores.DEFAULT_K, 10, 50, 1);
    assertEquals(UpliftScores.POINTS, m.qiniCurve().size());
    assertEquals(new UpliftPoint(0, 0), m.qiniCurve().get(0));
    UpliftCurve full = s.qiniCurve();
    assertEquals(full.value(full.size() - 1), m.qiniCurve().get(UpliftScores.POINTS - 1).value());
    assertEquals(5000, m.rows());
    assertEquals(m.rows(), m.treatedRows() + m.controlRows());
    double rates =
        (double) m.treatedResponders() / m.treatedRows()
            - (double) m.controlResponders() / m.controlRows();
    assertEquals(rates, m.averageUplift(), 1e-12);
    assertEquals(0.3, m.upliftAtK().k());
  }

  @Test
  void refusesUnequalLengthsNonFiniteScoresAndASingleArm() {
    boolean[] two = {true, false};
    assertThrows(IllegalArgumentException.class, () -> UpliftScores.of(new double[3], two, two));
    assertThrows(
        IllegalArgumentException.class,
        () -> UpliftScores.of(new double[] {0, Double.NaN}, two, two));
    assertThrows(
        IllegalArgumentException.class,
        () -> UpliftScores.of(new double[2], new boolean[] {true, true}, two));
    assertThrows(
        IllegalArgumentException.class, () -> UpliftScores.of(new double[2], two, two).upliftAt(0));
  }
}
