package dev.precis.model;

import com.fasterxml.jackson.databind.JavaType;
import dev.precis.config.Mappers;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trained mlp saved as its weights and architecture in JSON, scored in plain Java: no TensorFlow
 * loads to score. Several networks (the {@code members} parameter) score the mean of their
 * probabilities. Bundles made before it hold a Tribuo TensorFlow model instead, which {@link
 * TribuoModelArtifact} still reads.
 *
 * @param networks one, or the members of an ensemble in the order of their seeds
 * @param fitSummary what training found; empty when read back from a bundle
 */
record MlpArtifact(String name, List<MlpNetwork> networks, Map<String, Object> fitSummary)
    implements ModelArtifact {
  static final String KIND = "mlp-weights";

  /** The name a response task's one model has in the bundle. */
  static final String MODEL = "model.mlp.json";

  /** One network, as every mlp was saved before ensembles: versions before them read it too. */
  private static final int ONE = 1;

  /** A list of networks, the members of an ensemble. */
  private static final int ENSEMBLE = 2;

  private static final String WHAT = "an mlp network";

  MlpArtifact {
    networks = List.copyOf(networks);
    if (networks.isEmpty()) {
      throw new IllegalArgumentException("an mlp of no networks");
    }
    // In the order training gave it, so the train report reads the same every run.
    fitSummary = Collections.unmodifiableMap(new LinkedHashMap<>(fitSummary));
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public void save(OutputStream out) throws IOException {
    if (networks.size() == 1) {
      JsonWeights.save(out, ONE, networks.get(0));
    } else {
      JsonWeights.save(out, ENSEMBLE, networks);
    }
  }

  /**
   * Scores the mean of the members' probabilities, added up in the members' order so the score does
   * not depend on the threads; one network scores as it is.
   */
  @Override
  public Scorer scorer(List<String> featureNames) {
    List<Scorer> members =
        networks.stream().map(network -> network.forFeatures(featureNames).scorer()).toList();
    if (members.size() == 1) {
      return members.get(0);
    }
    return (rows, n, scores) -> {
      double[] member = new double[n];
      Arrays.fill(scores, 0, n, 0);
      for (Scorer scorer : members) {
        scorer.score(rows, n, member);
        for (int r = 0; r < n; r++) {
          scores[r] += member[r];
        }
      }
      for (int r = 0; r < n; r++) {
        scores[r] /= members.size();
      }
    };
  }

  /**
   * Reads weights saved by {@link #save}, of either format.
   *
   * @throws IOException when the bytes are not a network of a format this version reads
   */
  static MlpArtifact load(String name, byte[] bytes) throws IOException {
    List<MlpNetwork> networks;
    if (JsonWeights.format(bytes, WHAT) == ENSEMBLE) {
      JavaType list =
          Mappers.json().getTypeFactory().constructCollectionType(List.class, MlpNetwork.class);
      networks = JsonWeights.load(bytes, list, ENSEMBLE, WHAT);
    } else {
      networks = List.of(JsonWeights.load(bytes, MlpNetwork.class, ONE, WHAT));
    }
    if (networks.isEmpty()) {
      throw new IOException("an mlp ensemble of no networks");
    }
    return new MlpArtifact(name, networks, Map.of());
  }
}
