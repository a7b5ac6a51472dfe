package dev.precis.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@link DescendingOrder} against a plain stable sort. */
class DescendingOrderTest {

  @Test
  void matchesStableBoxedSortOnTiedScores() {
    Random random = new Random(3);
    double[] scores = new double[5000];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = random.nextInt(4) == 0 ? random.nextDouble() : random.nextInt(50) / 49.0;
    }
    int[] expected =
        IntStream.range(0, scores.length)
            .boxed()
            .sorted(Comparator.comparingDouble((Integer i) -> scores[i]).reversed())
            .mapToInt(Integer::intValue)
            .toArray();
    assertArrayEquals(expected, DescendingOrder.of(scores));
  }

  @Test
  void negativeZeroTiesWithZero() {
    assertArrayEquals(
        new int[] {1, 0, 2, 3}, DescendingOrder.of(new double[] {0.0, 0.5, -0.0, 0.0}));
  }
}
