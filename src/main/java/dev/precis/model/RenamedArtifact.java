package dev.precis.model;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An artifact under another name in the bundle: a two-model uplift bundle holds two models of one
 * family, {@code treated.} and {@code control.} before the family's own name.
 */
record RenamedArtifact(String name, ModelArtifact model) implements ModelArtifact {
  /** The artifact under {@code prefix} + its name. */
  static ModelArtifact prefixed(String prefix, ModelArtifact model) {
    return new RenamedArtifact(prefix + model.name(), model);
  }

  @Override
  public String kind() {
    return model.kind();
  }

  @Override
  public void save(OutputStream out) throws IOException {
    model.save(out);
  }

  @Override
  public Scorer scorer(List<String> featureNames) {
    return model.scorer(featureNames);
  }

  @Override
  public Map<String, Object> fitSummary() {
    return model.fitSummary();
  }

  @Override
  public Optional<double[]> linearWeights(List<String> featureNames) {
    return model.linearWeights(featureNames);
  }

  @Override
  public Optional<Explainer> explainer(List<String> featureNames) {
    return model.explainer(featureNames);
  }

  @Override
  public Optional<double[]> gains(List<String> featureNames) {
    return model.gains(featureNames);
  }
}
