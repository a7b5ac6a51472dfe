package dev.precis.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * pipeline.json as Precis 0.1 wrote it: the numeric columns, then the categorical ones. Read into
 * steps with the same features in the same order; written only to recognise a prep directory of
 * that time by the digest its prepared.json holds (see {@link PreparedManifest#digests}).
 */
record PipelineFormat1(
    String target,
    String positive,
    String id,
    List<String> missingTokens,
    List<Numeric> numeric,
    List<Categorical> categorical) {

  record Numeric(String name, double fill, double center, double scale, boolean indicator) {}

  record Categorical(String name, List<String> levels) {}

  FeaturePipeline pipeline() {
    if (numeric == null || categorical == null) {
      throw dev.precis.PrecisException.data(
          "a pipeline without \"format\" has \"numeric\" and \"categorical\"");
    }
    List<ColumnStep> steps = new ArrayList<>();
    numeric.forEach(
        c ->
            steps.add(
                new NumericStep(
                    c.name(), c.fill(), c.center(), c.scale(), c.indicator(), false, false)));
    categorical.forEach(c -> steps.add(new CategoricalStep(c.name(), c.levels(), null)));
    return new FeaturePipeline(target, positive, id, missingTokens, steps);
  }

  /**
   * The pipeline in format 1, when it has only numeric steps (that fill missing values in) followed
   * by categorical ones.
   */
  static Optional<PipelineFormat1> of(FeaturePipeline pipeline) {
    List<Numeric> numeric = new ArrayList<>();
    List<Categorical> categorical = new ArrayList<>();
    for (ColumnStep step : pipeline.steps()) {
      if (step instanceof NumericStep n && categorical.isEmpty() && n.inFormat1()) {
        numeric.add(new Numeric(n.name(), n.fill(), n.center(), n.scale(), n.indicator()));
      } else if (step instanceof CategoricalStep c && c.fill() == null) {
        categorical.add(new Categorical(c.name(), c.levels()));
      } else {
        return Optional.empty();
      }
    }
    return Optional.of(
        new PipelineFormat1(
            pipeline.target(),
            pipeline.positive(),
            pipeline.id(),
            pipeline.missingTokens(),
            numeric,
            categorical));
  }
}
