package dev.precis.model;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * The one place a bundle's model artifacts are loaded from their bytes, by the kind its manifest
 * records. A new kind of artifact (a TensorFlow graph, a calibrator) adds its loader here.
 */
public final class ArtifactKinds {
  /** Reads one kind of artifact. */
  @FunctionalInterface
  public interface Loader {
    /**
     * @throws IOException when the bytes are not an artifact of this kind
     */
    ModelArtifact load(String name, byte[] bytes) throws IOException;
  }

  private static final Map<String, Loader> LOADERS =
      Map.of(
          TribuoModelArtifact.KIND,
          TribuoModelArtifact::load,
          CalibratorArtifact.KIND,
          CalibratorArtifact::load,
          BoosterArtifact.KIND,
          BoosterArtifact::load,
          MlpArtifact.KIND,
          MlpArtifact::load,
          TextArtifact.KIND,
          TextArtifact::load,
          PriorShiftArtifact.KIND,
          PriorShiftArtifact::load,
          UpliftForest.KIND,
          UpliftForest::load);

  private ArtifactKinds() {}

  /** The loader of a kind, or empty when this Precis does not know that kind. */
  public static Optional<Loader> loader(String kind) {
    return Optional.ofNullable(LOADERS.get(kind));
  }
}
