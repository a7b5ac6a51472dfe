package dev.precis.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Specifies the report's ROC curve: exact vertices, tied scores together, thinned on the curve. */
class RocCurveTest {

  @Test
  void tiedScoresMoveTogetherFromOriginToCornerTest() {
    double[] scores = {0.95, 0.9, 0.8, 0.8, 0.3, 0.1};
    boolean[] labels = {true, true, true, false, false, true};
    assertEquals(
        List.of(
            new RocPoint(0, 0),
            new RocPoint(0, 0.25),
            new RocPoint(0, 0.5),
            new RocPoint(0.5, 0.75),
            new RocPoint(1, 0.75),
            new RocPoint(1, 1)),
        RocCurve.of(scores, labels, 10));
  }

  @Test
  void thinnedCurveKeepsEndsAndTheTrapezoidAreaNearAucTest() {
    SplittableRandom random = new SplittableRandom(7);
    int n = 5000;
    double[] scores = new double[n];
    boolean[] labels = new boolean[n];
    for (int i = 0; i < n; i++) {
      labels[i] = random.nextDouble() < 0.2;
      scores[i] = random.nextDouble() * 0.7 + (labels[i] ? 0.3 : 0);
    }
    List<RocPoint> curve = RocCurve.of(scores, labels, RocCurve.POINTS);
    assertEquals(RocCurve.POINTS, curve.size());
    assertEquals(new RocPoint(0, 0), curve.get(0));
    assertEquals(new RocPoint(1, 1), curve.get(curve.size() - 1));
    double area = 0;
    for (int i = 1; i < curve.size(); i++) {
      RocPoint a = curve.get(i - 1);
      RocPoint b = curve.get(i);
      area += (b.fpr() - a.fpr()) * (a.tpr() + b.tpr()) / 2;
    }
    assertEquals(DeLong.auc(scores, labels).estimate(), area, 1e-3);
  }
}
