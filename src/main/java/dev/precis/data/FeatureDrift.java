package dev.precis.data;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.precis.eval.Psi;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * How far each of the user's columns moved from the training rows: the population stability index
 * ({@link Psi}) of each encoded feature over its training bins ({@link FeatureBins}), folded into
 * the column that made it ({@link FeatureColumns}) by taking the largest. For a one-hot column that
 * is the level whose share moved most, that level against all the others: a lower bound of the PSI
 * over all its levels at once, chosen because it names the level to look at. Columns none of whose
 * features distributions.json summarises (bags of terms) are left out.
 *
 * @param available false when the bundle has nothing to compare with; {@code note} says why
 * @param note why drift per feature is unavailable; null when it is available
 * @param psi the largest column PSI; null when unavailable
 * @param band {@code psi} in words (stable, moderate, major); null when unavailable
 * @param columns every column compared, the largest shift first
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FeatureDrift(
    boolean available, String note, Double psi, String band, List<Column> columns) {
  public FeatureDrift {
    columns = List.copyOf(columns);
  }

  /**
   * One column's drift.
   *
   * @param psi the largest PSI of its features
   * @param band the PSI in words
   * @param feature the encoded feature with that PSI (a level: "job=admin.")
   */
  public record Column(String column, double psi, String band, String feature) {}

  /** Why a bundle without training shares per bin (trained by an older Precis) has no drift. */
  public static final String NO_DISTRIBUTIONS =
      "the bundle keeps no training distributions to compare with (trained by an older Precis);"
          + " retrain it to measure drift per feature";

  /** Drift per feature cannot be measured, for the reason given. */
  public static FeatureDrift unavailable(String note) {
    return new FeatureDrift(false, note, null, null, List.of());
  }

  /** The drift of the rows counted in {@code tally}, per column of {@code pipeline}. */
  public static FeatureDrift of(FeatureTally tally, FeaturePipeline pipeline) {
    return of(tally, pipeline.featureNames(), FeatureColumns.of(pipeline));
  }

  /**
   * As {@link #of(FeatureTally, FeaturePipeline)}; unavailable ({@link #NO_DISTRIBUTIONS}) when
   * {@code tally} is null: the bundle kept no training bins to count the rows in.
   */
  public static FeatureDrift ofCounted(FeatureTally tally, FeaturePipeline pipeline) {
    return tally == null ? unavailable(NO_DISTRIBUTIONS) : of(tally, pipeline);
  }

  /**
   * @param features the encoded features' names, as the tally spans them
   * @param columns the column that made each feature
   */
  static FeatureDrift of(FeatureTally tally, List<String> features, FeatureColumns columns) {
    if (tally.rows() == 0) {
      return unavailable("no rows were scored");
    }
    double[] largest = new double[columns.size()];
    int[] worst = new int[columns.size()];
    Arrays.fill(worst, -1);
    for (int f = 0; f < tally.width(); f++) {
      FeatureBins bins = tally.bins(f);
      if (bins == null) {
        continue;
      }
      long[] counts = tally.counts(f);
      double[] actual = new double[counts.length];
      for (int b = 0; b < counts.length; b++) {
        actual[b] = (double) counts[b] / tally.rows();
      }
      double psi = Psi.of(bins.expected(), actual);
      int c = columns.columnOf()[f];
      if (worst[c] < 0 || psi > largest[c]) {
        largest[c] = psi;
        worst[c] = f;
      }
    }
    List<Column> list = new ArrayList<>();
    for (int c = 0; c < columns.size(); c++) {
      if (worst[c] >= 0) {
        list.add(
            new Column(
                columns.names().get(c), largest[c], Psi.band(largest[c]), features.get(worst[c])));
      }
    }
    if (list.isEmpty()) {
      return unavailable("no feature has a training distribution to compare with");
    }
    list.sort(Comparator.comparingDouble(Column::psi).reversed().thenComparing(Column::column));
    double psi = list.get(0).psi();
    return new FeatureDrift(true, null, psi, Psi.band(psi), list);
  }
}
