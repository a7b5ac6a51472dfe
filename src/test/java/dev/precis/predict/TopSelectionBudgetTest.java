package dev.precis.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.precis.config.Economics;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The budget selection by hand: cost 10 and value 40 make a contact pay above a score of 0.25, so
 * of 0.9 0.7 0.5 0.5 0.3 0.25 0.2 0.1 the first five pay (0.25 only breaks even).
 */
class TopSelectionBudgetTest {
  private static final double[] SCORES = {0.2, 0.5, 0.9, 0.25, 0.1, 0.5, 0.3, 0.7};

  @Test
  void selectsEveryRowThatPaysWithoutBudgetTest() {
    TopSelection top = selection();
    assertEquals(5, top.selectProfitable(new Economics(10, 40, null, null)));
    assertEquals(List.of(0.5, 0.9, 0.5, 0.3, 0.7), taken(top));
    assertEquals(2.9, top.selectedScoreSum(), 1e-9);
  }

  @Test
  void budgetStopsAtItsLimitTakingTiesInFileOrderTest() {
    TopSelection contacts = selection();
    Economics three = new Economics(10, 40, 100.0, new Economics.Budget(3L, null));
    assertEquals(3, contacts.selectProfitable(three));
    // 0.9 and 0.7, then the first of the two rows tied at 0.5.
    assertEquals(List.of(0.5, 0.9, 0.7), taken(contacts));
    assertEquals(2.1, contacts.selectedScoreSum(), 1e-9);
    // Expected profit: 40 * 2.1 - 10 * 3 - 100.
    assertEquals(-46.0, three.profit(3, contacts.selectedScoreSum()), 1e-9);
    // 139 covers the fixed 100 and three contacts of 10, not a fourth.
    TopSelection money = selection();
    assertEquals(
        3, money.selectProfitable(new Economics(10, 40, 100.0, new Economics.Budget(null, 139.0))));
  }

  @Test
  void nothingPaysSoNothingIsSelectedTest() {
    TopSelection top = selection();
    assertEquals(0, top.selectProfitable(new Economics(10, 10, null, null)));
    assertEquals(List.of(), taken(top));
    assertEquals(0.0, top.selectedScoreSum());
  }

  private static TopSelection selection() {
    TopSelection top = new TopSelection();
    for (double score : SCORES) {
      top.add(ScoreFormat.micros(score));
    }
    return top;
  }

  /** The scores taken, in file order. */
  private static List<Double> taken(TopSelection top) {
    List<Double> taken = new ArrayList<>();
    for (double score : SCORES) {
      if (top.take(ScoreFormat.micros(score))) {
        taken.add(score);
      }
    }
    return taken;
  }
}
