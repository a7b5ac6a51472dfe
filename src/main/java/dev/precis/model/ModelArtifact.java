package dev.precis.model;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * A trained model as one entry of a bundle: it saves itself, says what kind it is so {@link
 * ArtifactKinds} can load it back, and makes the scorer for rows encoded with the bundle's
 * pipeline.
 */
public interface ModelArtifact {
  /** Its entry in the bundle, e.g. {@code model.tribuo}. */
  String name();

  /** What reads it back, e.g. {@code tribuo-model}; see {@link ArtifactKinds}. */
  String kind();

  /** Writes its bytes; leaves {@code out} open. */
  void save(OutputStream out) throws IOException;

  /** A scorer for rows whose columns are these features. */
  Scorer scorer(List<String> featureNames);

  /**
   * What the fit found that the train report should show, such as the boosting round or epoch that
   * early stopping kept; empty for a model read back from a bundle.
   */
  default Map<String, Object> fitSummary() {
    return Map.of();
  }

  /**
   * Each feature's weight in a linear model's score of a response (a logistic model's log-odds, an
   * SVM's margin), for the report's top terms; empty for a model that is not one.
   */
  default java.util.Optional<double[]> linearWeights(List<String> featureNames) {
    return java.util.Optional.empty();
  }

  /**
   * Exact per-row contributions to the model's raw score, for {@code predict --explain}: a linear
   * model's weights times values, a booster's TreeSHAP values; empty for a model without them.
   */
  default java.util.Optional<Explainer> explainer(List<String> featureNames) {
    return java.util.Optional.empty();
  }

  /**
   * Each feature's total gain over the splits on it, for a tree ensemble that records it (an
   * XGBoost booster); empty for any other model.
   */
  default java.util.Optional<double[]> gains(List<String> featureNames) {
    return java.util.Optional.empty();
  }
}
