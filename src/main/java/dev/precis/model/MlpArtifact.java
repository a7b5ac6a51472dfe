package dev.precis.model;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trained mlp saved as its weights and architecture in JSON, scored in plain Java: no TensorFlow
 * loads to score. Bundles made before it hold a Tribuo TensorFlow model instead, which {@link
 * TribuoModelArtifact} still reads.
 *
 * @param fitSummary what training found; empty when read back from a bundle
 */
record MlpArtifact(String name, MlpNetwork network, Map<String, Object> fitSummary)
    implements ModelArtifact {
  static final String KIND = "mlp-weights";

  /** The name a response task's one model has in the bundle. */
  static final String MODEL = "model.mlp.json";

  private static final int FORMAT = 1;

  MlpArtifact {
    // In the order training gave it, so the train report reads the same every run.
    fitSummary = Collections.unmodifiableMap(new LinkedHashMap<>(fitSummary));
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public void save(OutputStream out) throws IOException {
    JsonWeights.save(out, FORMAT, network);
  }

  @Override
  public Scorer scorer(List<String> featureNames) {
    return network.forFeatures(featureNames).scorer();
  }

  /**
   * Reads weights saved by {@link #save}.
   *
   * @throws IOException when the bytes are not a network of a format this version reads
   */
  static MlpArtifact load(String name, byte[] bytes) throws IOException {
    return new MlpArtifact(
        name, JsonWeights.load(bytes, MlpNetwork.class, FORMAT, "an mlp network"), Map.of());
  }
}
