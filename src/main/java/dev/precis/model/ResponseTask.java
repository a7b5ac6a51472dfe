package dev.precis.model;

import java.util.List;

/**
 * Whether a customer responds: one binary target, one model whose score is the probability of the
 * positive value.
 *
 * @param target the target column
 * @param positive the target value that counts as a response; null before training picks it
 */
public record ResponseTask(String target, String positive) implements Task {
  @Override
  public Scorer scorer(List<ModelArtifact> models, List<String> featureNames) {
    return models.get(0).scorer(featureNames);
  }
}
