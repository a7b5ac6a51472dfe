package dev.precis.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Specifies the training-score bins that scored rows are placed in, for any number of rows. */
class ScoreBinsTest {
  private static final int DECILES = 10;

  static IntStream rowCounts() {
    return IntStream.rangeClosed(1, 25);
  }

  @ParameterizedTest
  @MethodSource("rowCounts")
  void anyNumberOfRowsGivesDescendingCutsAndBinsInRange(int n) {
    double[] scores = IntStream.range(0, n).mapToDouble(i -> (i * 7 % n + 1.0) / (n + 1)).toArray();
    ScoreBins bins = ScoreBins.fromScores(scores, DECILES);
    List<Double> cuts = bins.cuts();
    assertEquals(DECILES - 1, cuts.size());
    for (int k = 1; k < cuts.size(); k++) {
      assertTrue(cuts.get(k) <= cuts.get(k - 1), cuts.toString());
    }
    double top = IntStream.range(0, n).mapToDouble(i -> scores[i]).max().orElseThrow();
    assertEquals(1, bins.bin(top));
    for (double score : scores) {
      int bin = bins.bin(score);
      assertTrue(bin >= 1 && bin <= DECILES, "bin " + bin);
    }
  }

  @ParameterizedTest
  @MethodSource("rowCounts")
  void higherScoresNeverGetALaterBin(int n) {
    double[] scores = IntStream.range(0, n).mapToDouble(i -> i / (double) n).toArray();
    ScoreBins bins = ScoreBins.fromScores(scores, DECILES);
    for (int i = 1; i < n; i++) {
      assertTrue(bins.bin(scores[i]) <= bins.bin(scores[i - 1]));
    }
  }
}
