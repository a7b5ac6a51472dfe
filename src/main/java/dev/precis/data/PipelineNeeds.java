package dev.precis.data;

import dev.precis.config.PrepConfig;

/**
 * What a model family needs from the feature pipeline. A family that needs more (naive Bayes:
 * non-negative counts) adds a component here and the pipeline step that honours it.
 *
 * @param scaledNumbers numbers scaled as prep.scale says; when false, numbers reach the family as
 *     they are whatever prep.scale says (a tree splits on their order alone)
 */
public record PipelineNeeds(boolean scaledNumbers) {
  /** The prep settings a pipeline for such a family is fitted with. */
  public PrepConfig prep(PrepConfig configured) {
    return scaledNumbers ? configured : configured.withScale(PrepConfig.Scale.NONE);
  }
}
