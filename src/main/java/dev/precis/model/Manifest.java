package dev.precis.model;

import dev.precis.io.InputFile;
import java.util.List;
import java.util.Map;

/**
 * What a model bundle was made from and by, and what it holds: manifest.json.
 *
 * @param schema "precis.bundle/2"
 * @param precisVersion the Precis build that trained it
 * @param tribuoVersion the Tribuo release it was trained with
 * @param modelType the model family
 * @param task what its models predict
 * @param createdAt ISO-8601 time of training
 * @param data the training input
 * @param configSha256 digest of config.yaml
 * @param seed the seed it was trained with
 * @param features number of model features
 * @param timingsSeconds wall time of each phase
 * @param artifacts every other entry of the bundle, in the order written
 */
public record Manifest(
    String schema,
    String precisVersion,
    String tribuoVersion,
    String modelType,
    Task task,
    String createdAt,
    InputFile data,
    String configSha256,
    long seed,
    int features,
    Map<String, Double> timingsSeconds,
    List<Artifact> artifacts) {
  public static final String SCHEMA = "precis.bundle/2";

  /** The schema of bundles written by Precis 0.1: fixed entries, no task, no digests. */
  static final String SCHEMA_1 = "precis.bundle/1";

  /**
   * One entry of the bundle.
   *
   * @param name its name in the zip
   * @param kind what it holds, which says what reads it
   * @param sha256 digest of its bytes, checked on reading
   */
  public record Artifact(String name, String kind, String sha256) {}

  public Manifest withArtifacts(List<Artifact> list) {
    return new Manifest(
        schema,
        precisVersion,
        tribuoVersion,
        modelType,
        task,
        createdAt,
        data,
        configSha256,
        seed,
        features,
        timingsSeconds,
        List.copyOf(list));
  }

  /**
   * A precis.bundle/1 manifest in the current form: the task its config implies, and the entries
   * that schema always had.
   */
  Manifest upgraded(Task impliedTask, List<Artifact> entries) {
    return new Manifest(
        SCHEMA,
        precisVersion,
        tribuoVersion,
        modelType,
        impliedTask,
        createdAt,
        data,
        configSha256,
        seed,
        features,
        timingsSeconds,
        List.copyOf(entries));
  }
}
