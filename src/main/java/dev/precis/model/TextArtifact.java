package dev.precis.model;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trained text network saved as its weights in JSON and scored in plain Java: no TensorFlow loads
 * to score.
 *
 * @param fitSummary what training found; empty when read back from a bundle
 */
record TextArtifact(String name, TextNetwork network, Map<String, Object> fitSummary)
    implements ModelArtifact {
  static final String KIND = "text-network";

  /** The name a response task's one model has in the bundle. */
  static final String MODEL = "model.text.json";

  private static final int FORMAT = 1;

  TextArtifact {
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
    return network.reading(featureNames).scorer();
  }

  /**
   * Reads weights saved by {@link #save}.
   *
   * @throws IOException when the bytes are not a text network of a format this version reads
   */
  static TextArtifact load(String name, byte[] bytes) throws IOException {
    return new TextArtifact(
        name, JsonWeights.load(bytes, TextNetwork.class, FORMAT, "a text network"), Map.of());
  }
}
