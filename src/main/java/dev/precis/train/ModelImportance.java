package dev.precis.train;

import dev.precis.data.EncodedData;
import dev.precis.data.FeatureColumns;
import dev.precis.data.FeaturePipeline;
import dev.precis.model.Explainer;
import dev.precis.model.ModelArtifact;
import dev.precis.report.FamilyImportance;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A model's global importance by its own measure (see {@link FamilyImportance}): coefficients for a
 * linear model, gain for a booster. Other families have permutation importance only.
 */
public final class ModelImportance {
  private ModelImportance() {}

  /**
   * @param model the fitted model, before any calibration
   * @param valid the rows averaged over; the training rows when it is empty (either sampled down as
   *     permutation importance samples them)
   */
  public static Optional<FamilyImportance> of(
      ModelArtifact model,
      FeaturePipeline pipeline,
      EncodedData valid,
      EncodedData train,
      long seed) {
    List<String> features = pipeline.featureNames();
    FeatureColumns columns = FeatureColumns.of(pipeline);
    Optional<double[]> gains = model.gains(features);
    if (gains.isPresent()) {
      double[] folded = columns.fold(gains.get());
      double total = 0;
      for (double gain : folded) {
        total += gain;
      }
      for (int c = 0; c < folded.length; c++) {
        folded[c] = total > 0 ? folded[c] / total : 0;
      }
      return Optional.of(summary("gain", null, columns, folded));
    }
    if (model.linearWeights(features).isEmpty()) {
      return Optional.empty();
    }
    Explainer explainer = model.explainer(features).orElseThrow();
    boolean onValid = valid.rows() > 0;
    EncodedData rows = PermutationImportance.sample(onValid ? valid : train, seed);
    double[] mean =
        meanContributions(explainer, PermutationImportance.sample(train, seed), columns);
    double[][] out = contributions(explainer, rows, columns);
    double[] spread = new double[columns.size()];
    for (double[] row : out) {
      for (int c = 0; c < spread.length; c++) {
        spread[c] += Math.abs(row[c] - mean[c]) / Math.max(1, rows.rows());
      }
    }
    return Optional.of(summary("coefficients", onValid ? "valid" : "train", columns, spread));
  }

  private static double[] meanContributions(
      Explainer explainer, EncodedData rows, FeatureColumns columns) {
    double[] mean = new double[columns.size()];
    for (double[] row : contributions(explainer, rows, columns)) {
      for (int c = 0; c < mean.length; c++) {
        mean[c] += row[c] / Math.max(1, rows.rows());
      }
    }
    return mean;
  }

  private static double[][] contributions(
      Explainer explainer, EncodedData rows, FeatureColumns columns) {
    double[][] out = new double[rows.rows()][columns.size()];
    explainer.contributions(rows.x(), rows.rows(), columns, out);
    return out;
  }

  private static FamilyImportance summary(
      String method, String rows, FeatureColumns columns, double[] values) {
    List<FamilyImportance.Column> list = new ArrayList<>();
    for (int c = 0; c < values.length; c++) {
      list.add(new FamilyImportance.Column(columns.names().get(c), values[c]));
    }
    list.sort(
        Comparator.comparingDouble(FamilyImportance.Column::value)
            .reversed()
            .thenComparing(FamilyImportance.Column::column));
    return new FamilyImportance(method, rows, list);
  }
}
