package dev.precis.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Specifies the calibration table and that the expected calibration error is read off it. */
class CalibrationTableTest {

  @Test
  void binsHoldTheirRowsMeanScoreAndObservedRate() {
    double[] scores = {0.05, 0.15, 0.15, 0.95, 1.0};
    boolean[] positive = {false, true, false, true, true};
    List<CalibrationBin> table = CalibrationTable.of(scores, positive);
    assertEquals(
        List.of(
            new CalibrationBin(1, 0.0, 0.1, 1, 0, 0.05, 0.0),
            new CalibrationBin(2, 0.1, 0.2, 2, 1, 0.15, 0.5),
            new CalibrationBin(10, 0.9, 1.0, 2, 2, 0.975, 1.0)),
        table);
  }

  @Test
  void anEdgeBelongsToTheBinAbove() {
    List<CalibrationBin> table =
        CalibrationTable.of(new double[] {0.1, 0.2}, new boolean[] {false, true});
    assertEquals(List.of(2, 3), table.stream().map(CalibrationBin::bin).toList());
  }

  /**
   * On the golden bank scores: the bins account for every row and positive, each mean lies inside
   * its bin, and the ECE eval reports is the one the table gives, which is also the sum of
   * |positives - score sum| per bin over all rows.
   */
  @Test
  void goldenScoresEceIsTheTables() throws IOException {
    double[][] golden = goldenScores();
    double[] scores = golden[0];
    boolean[] positive = new boolean[scores.length];
    for (int i = 0; i < scores.length; i++) {
      positive[i] = golden[1][i] == 1;
    }
    List<CalibrationBin> table = CalibrationTable.of(scores, positive);
    assertEquals(scores.length, table.stream().mapToLong(CalibrationBin::rows).sum());
    assertEquals(928, table.stream().mapToLong(CalibrationBin::positives).sum());
    for (CalibrationBin bin : table) {
      assertTrue(bin.low() <= bin.meanPredicted() && bin.meanPredicted() <= bin.high(), "" + bin);
    }
    double[] gap = new double[CalibrationTable.BINS];
    for (int i = 0; i < scores.length; i++) {
      int bin = Math.min((int) (scores[i] * 10), 9);
      gap[bin] += (positive[i] ? 1 : 0) - scores[i];
    }
    double direct = 0;
    for (double g : gap) {
      direct += Math.abs(g) / scores.length;
    }
    double ece = CalibrationTable.expectedCalibrationError(table);
    assertEquals(direct, ece, 1e-12);
    assertEquals(ece, BinaryMetricsCalculator.compute(scores, positive, 0.5, 10).ece(), 1e-15);
  }

  /** The golden scores (row 0) and labels as 0 or 1 (row 1). */
  static double[][] goldenScores() throws IOException {
    try (InputStream in =
        CalibrationTableTest.class.getResourceAsStream("/golden/bank-lr-scores.csv")) {
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      double[][] out = new double[2][lines.length - 1];
      for (int i = 1; i < lines.length; i++) {
        String[] fields = lines[i].trim().split(",");
        out[1][i - 1] = Double.parseDouble(fields[0]);
        out[0][i - 1] = Double.parseDouble(fields[1]);
      }
      return out;
    }
  }
}
