package dev.precis.model;

import dev.precis.io.InputFile;
import java.util.Map;

/**
 * What a model bundle was made from and by: manifest.json.
 *
 * @param schema "precis.bundle/1"
 * @param precisVersion the Precis build that trained it
 * @param tribuoVersion the Tribuo release it was trained with
 * @param modelType the model family
 * @param createdAt ISO-8601 time of training
 * @param data the training input
 * @param configSha256 digest of config.yaml
 * @param seed the seed it was trained with
 * @param features number of model features
 * @param timingsSeconds wall time of each phase
 */
public record Manifest(
    String schema,
    String precisVersion,
    String tribuoVersion,
    String modelType,
    String createdAt,
    InputFile data,
    String configSha256,
    long seed,
    int features,
    Map<String, Double> timingsSeconds) {
  public static final String SCHEMA = "precis.bundle/1";
}
