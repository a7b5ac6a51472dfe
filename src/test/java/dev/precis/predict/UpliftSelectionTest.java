package dev.precis.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.precis.config.Economics;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Selection of signed uplift scores by hand: cost 1 and value 10 make a contact pay where the
 * uplift exceeds 0.1 (uplift * value - cost > 0), so of 0.3 -0.2 0.15 0.05 -0.4 0.1 0.12 only 0.3,
 * 0.15 and 0.12 pay; a negative uplift is never worth a contact.
 */
class UpliftSelectionTest {
  private static final double[] UPLIFTS = {0.3, -0.2, 0.15, 0.05, -0.4, 0.1, 0.12};

  @Test
  void printedNegativeScoresReadBackTheSame() {
    for (double uplift : new double[] {-0.005963, -1.0, -0.5, 0.0, 0.25, 1.0}) {
      StringBuilder text = new StringBuilder();
      ScoreFormat.append(text, ScoreFormat.micros(uplift));
      assertEquals(uplift, Double.parseDouble(text.toString()), 1e-12, text.toString());
      assertEquals(
          ScoreFormat.micros(uplift),
          ScoreFormat.parseMicros(text, 0, text.length()),
          text.toString());
    }
  }

  @Test
  void budgetSelectsTheIncrementallyProfitableRows() {
    TopSelection top = selection();
    assertEquals(3, top.selectProfitable(new Economics(1, 10, null, null)));
    assertEquals(List.of(0.3, 0.15, 0.12), taken(top));
    assertEquals(0.57, top.selectedScoreSum(), 1e-9);
  }

  @Test
  void topPercentRanksByUpliftThroughTheNegativeScores() {
    TopSelection top = selection();
    assertEquals(6, top.select(6 * 100.0 / UPLIFTS.length));
    assertEquals(List.of(0.3, -0.2, 0.15, 0.05, 0.1, 0.12), taken(top));
  }

  private static TopSelection selection() {
    TopSelection top = new TopSelection(true);
    for (double uplift : UPLIFTS) {
      top.add(ScoreFormat.micros(uplift));
    }
    return top;
  }

  private static List<Double> taken(TopSelection top) {
    List<Double> taken = new ArrayList<>();
    for (double uplift : UPLIFTS) {
      if (top.take(ScoreFormat.micros(uplift))) {
        taken.add(uplift);
      }
    }
    return taken;
  }
}
