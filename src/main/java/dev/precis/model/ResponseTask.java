package dev.precis.model;

import java.util.List;

/**
 * Whether a customer responds: one binary target, one model whose score is the probability of the
 * positive value, optionally followed by the mappings of its scores: the prior-shift correction of
 * a fit on rebalanced rows, the calibrator fitted on its scores of the validation rows.
 *
 * @param target the target column
 * @param positive the target value that counts as a response; null before training picks it
 */
public record ResponseTask(String target, String positive) implements Task {
  @Override
  public Scorer scorer(List<ModelArtifact> models, List<String> featureNames) {
    Scorer scorer = models.get(0).scorer(featureNames);
    for (ModelArtifact next : models.subList(1, models.size())) {
      if (next instanceof ScoreMapping mapping) {
        scorer = mapping.applied(scorer);
      }
    }
    return scorer;
  }
}
