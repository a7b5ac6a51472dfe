package dev.precis.model;

import dev.precis.data.FeatureColumns;
import dev.precis.data.FeatureDistributions;
import dev.precis.data.SparseRows;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Contributions for a model without exact ones of its own, by occlusion in pairs, in the model's
 * log-odds: a column's contribution is the mean of what it adds to the baseline row (the baseline
 * with only this column taken from the row) and of what putting the baseline's value back into the
 * row takes away. Those are the columns' exact Shapley values, relative to the baseline row, when
 * the log-odds has no interaction of more than two columns, as a multinomial naive Bayes model's
 * sum over features and a factorization machine's pairs have none; they sum to the row's log-odds
 * minus the baseline's. For a tree, a forest or a network they approximate them. The baseline row
 * holds each column's most common training value ({@link #baselineRow}). A column at its baseline
 * value contributes 0 and costs nothing; each other column costs two scorings of the row.
 * Thread-safe when the scorer is.
 */
final class OcclusionExplainer implements Explainer {
  /** Scores are kept this far from 0 and 1 before their log-odds: a tree's leaf can say 0 or 1. */
  static final double EPSILON = 1e-9;

  /** Rows scored in one call at most, so a block's probes take bounded memory. */
  private static final int PROBES = 4096;

  private final Scorer scorer;
  private final int[] columnOf;
  private final int[] baseFeature;
  private final double[] baseValue;
  private final double baseline;

  /**
   * @param scorer the model's own scores, before any calibration
   * @param baseline each feature's value in the baseline row
   */
  OcclusionExplainer(Scorer scorer, FeatureColumns columns, double[] baseline) {
    this.scorer = scorer;
    this.columnOf = columns.columnOf();
    SparseRows row = new SparseRows(baseline.length);
    for (int f = 0; f < baseline.length; f++) {
      row.put(f, baseline[f]);
    }
    row.endRow();
    this.baseFeature = new int[row.end(0)];
    this.baseValue = new double[baseFeature.length];
    for (int k = 0; k < baseFeature.length; k++) {
      baseFeature[k] = row.feature(k);
      baseValue[k] = row.value(k);
    }
    this.baseline = logOdds(scorer.score(row)[0]);
  }

  /**
   * The baseline row: a number at its training median; of a column's 0/1 features (its levels, a
   * missing indicator) the most common one set when it is more common than none of them; a feature
   * the distributions leave out (a bag of terms), or every feature of a bundle without them, 0.
   */
  static double[] baselineRow(
      List<String> featureNames, FeatureColumns columns, Optional<FeatureDistributions> seen) {
    double[] row = new double[featureNames.size()];
    if (seen.isEmpty()) {
      return row;
    }
    Map<String, FeatureDistributions.Feature> byName = new HashMap<>();
    seen.get().features().forEach(feature -> byName.put(feature.name(), feature));
    double[] shareSum = new double[columns.size()];
    int[] mostCommon = new int[columns.size()];
    Arrays.fill(mostCommon, -1);
    double[] share = new double[row.length];
    for (int f = 0; f < row.length; f++) {
      FeatureDistributions.Feature feature = byName.get(featureNames.get(f));
      if (feature == null) {
        continue;
      }
      if (feature.share() == null) {
        List<Double> deciles = feature.deciles();
        row[f] = deciles.isEmpty() ? 0 : deciles.get(deciles.size() / 2);
        continue;
      }
      int c = columns.columnOf()[f];
      share[f] = feature.share();
      shareSum[c] += share[f];
      if (mostCommon[c] < 0 || share[f] > share[mostCommon[c]]) {
        mostCommon[c] = f;
      }
    }
    for (int c = 0; c < mostCommon.length; c++) {
      int f = mostCommon[c];
      if (f >= 0 && share[f] > 1 - shareSum[c]) {
        row[f] = 1;
      }
    }
    return row;
  }

  @Override
  public String method() {
    return "occlusion";
  }

  /** The log-odds of the baseline row. */
  @Override
  public double baseline() {
    return baseline;
  }

  @Override
  public void contributions(SparseRows rows, int n, FeatureColumns columns, double[][] out) {
    int perRow = 1 + 2 * columns.size();
    int chunk = Math.max(1, PROBES / perRow);
    boolean[] differs = new boolean[columns.size()];
    for (int from = 0; from < n; from += chunk) {
      int to = Math.min(n, from + chunk);
      SparseRows probes = new SparseRows(rows.width());
      List<int[]> asked = new ArrayList<>();
      for (int r = from; r < to; r++) {
        Arrays.fill(out[r], 0.0);
        int whole = probes.rows();
        copy(rows, r, -1, false, probes);
        differing(rows, r, differs);
        for (int c = 0; c < differs.length; c++) {
          if (differs[c]) {
            asked.add(new int[] {r, c, whole, probes.rows()});
            copy(rows, r, c, true, probes);
            copy(rows, r, c, false, probes);
          }
        }
      }
      double[] scores = scorer.score(probes);
      for (int[] probe : asked) {
        double whole = logOdds(scores[probe[2]]);
        double only = logOdds(scores[probe[3]]);
        double without = logOdds(scores[probe[3] + 1]);
        out[probe[0]][probe[1]] = ((only - baseline) + (whole - without)) / 2;
      }
    }
  }

  private static double logOdds(double p) {
    double q = Math.min(1 - EPSILON, Math.max(EPSILON, p));
    return Math.log(q) - Math.log1p(-q);
  }

  /** Marks the columns whose features in row r are not the baseline's. */
  private void differing(SparseRows rows, int r, boolean[] differs) {
    Arrays.fill(differs, false);
    int k = rows.start(r);
    int b = 0;
    while (k < rows.end(r) || b < baseFeature.length) {
      int fx = k < rows.end(r) ? rows.feature(k) : Integer.MAX_VALUE;
      int fb = b < baseFeature.length ? baseFeature[b] : Integer.MAX_VALUE;
      if (fx == fb) {
        differs[columnOf[fx]] |= rows.value(k++) != baseValue[b++];
      } else if (fx < fb) {
        differs[columnOf[fx]] = true;
        k++;
      } else {
        differs[columnOf[fb]] = true;
        b++;
      }
    }
  }

  /**
   * Appends row r with the baseline's values for some columns: for every column but c when {@code
   * onlyC}, for c alone otherwise (for none when c is -1).
   */
  private void copy(SparseRows rows, int r, int c, boolean onlyC, SparseRows out) {
    int k = rows.start(r);
    int b = 0;
    while (k < rows.end(r) || b < baseFeature.length) {
      int fx = k < rows.end(r) ? rows.feature(k) : Integer.MAX_VALUE;
      int fb = b < baseFeature.length ? baseFeature[b] : Integer.MAX_VALUE;
      int f = Math.min(fx, fb);
      boolean fromRow = (columnOf[f] == c) == onlyC;
      if (fromRow && fx == f) {
        out.put(f, rows.value(k));
      } else if (!fromRow && fb == f) {
        out.put(f, baseValue[b]);
      }
      k += fx == f ? 1 : 0;
      b += fb == f ? 1 : 0;
    }
    out.endRow();
  }
}
