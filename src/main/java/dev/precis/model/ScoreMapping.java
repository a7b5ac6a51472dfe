package dev.precis.model;

/**
 * An artifact that follows the bundle's model and maps its scores: the prior-shift correction, the
 * calibrator. The task chains them in manifest order (see {@link ResponseTask}).
 */
public interface ScoreMapping extends ModelArtifact {
  /** The scores of {@code model}, mapped. */
  Scorer applied(Scorer model);

  /**
   * A mapping scores through a model and no rows of its own: use {@link #applied}.
   *
   * @throws UnsupportedOperationException always
   */
  @Override
  default Scorer scorer(java.util.List<String> featureNames) {
    throw new UnsupportedOperationException(
        "a " + kind() + " maps a model's scores: use applied()");
  }
}
