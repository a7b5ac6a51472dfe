package dev.precis.model;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import dev.precis.config.EngineConfig;
import dev.precis.config.Mappers;
import dev.precis.data.EncodedData;
import dev.precis.data.PipelineNeeds;
import java.io.IOException;
import java.util.Map;

/**
 * Trains one kind of model from encoded rows. A family says what it needs from the feature
 * pipeline, takes its parameters as a record of its own, and returns an artifact that saves, loads
 * and scores itself. Implementations load their engine (TensorFlow's native library, say) only in
 * {@link #fit}.
 *
 * @param <P> the family's parameters
 */
public interface ModelFamily<P> {
  /**
   * The parameters as the family's record.
   *
   * @param validated model.params checked and completed by {@link ModelCatalog#complete}, or drawn
   *     by tune from the same declarations
   */
  P params(Map<String, Object> validated);

  /**
   * Refuses a device this family cannot train on: by default any but the CPU.
   *
   * @throws dev.precis.PrecisException (usage) naming engine.device and the fix
   */
  default void checkDevice(String type, EngineConfig engine) {
    if (engine.device() != EngineConfig.Device.CPU) {
      throw dev.precis.PrecisException.usage(
          "engine.device: gpu: model type '"
              + type
              + "' trains on the CPU only; set engine.device: cpu (mlp is the type that trains on"
              + " a GPU)");
    }
  }

  /**
   * Whether a fit with these parameters stops early on the validation rows, so that a fit on every
   * row should first learn the budget to spend from one that watches them.
   */
  default boolean stopsEarly(Map<String, Object> params) {
    return false;
  }

  /**
   * The parameters that fit every training row, with no validation rows to watch, as a fit on fewer
   * rows with {@code params} found best: early stopping's kept rounds or epochs become the budget.
   * By default the parameters unchanged.
   *
   * @param fitSummary what that fit reported (see {@link ModelArtifact#fitSummary})
   */
  default Map<String, Object> withoutValidation(
      Map<String, Object> params, Map<String, Object> fitSummary) {
    return params;
  }

  /**
   * Whether the fit learns the class balance of its rows, so that prep.imbalance (rebalanced rows,
   * class weights) moves its scores and the prior-shift correction maps them back. False for a
   * family whose scores ignore the balance (no class prior), which then refuses prep.imbalance.
   */
  default boolean learnsClassBalance() {
    return true;
  }

  /** What the feature pipeline must give this family. */
  PipelineNeeds needs();

  /**
   * Whether the scores are probabilities already (a logistic or cross-entropy fit); false for
   * margins squashed into [0, 1] (a linear SVM), which model.calibration {@code auto} then
   * calibrates with Platt scaling.
   */
  default boolean probabilistic() {
    return true;
  }

  /**
   * Fits a model.
   *
   * @param train the rows to fit on
   * @param valid held-out rows a family may watch (early stopping, calibration); may be empty
   * @param seed seeds every random choice, so the same inputs give the same model
   * @throws dev.precis.PrecisException when the engine cannot run (exit 1), or cannot run on the
   *     configured device (exit 2)
   */
  ModelArtifact fit(
      EncodedData train, EncodedData valid, P params, Task task, EngineConfig engine, long seed);

  /**
   * Binds validated parameters to a record whose components are the parameters' names in camelCase,
   * every one required, so a declaration and its record cannot drift apart unnoticed.
   */
  static <P> P bind(Map<String, Object> validated, Class<P> type) {
    JsonNode tree = Mappers.json().valueToTree(validated);
    try {
      return Mappers.json()
          .readerFor(type)
          .with(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
          .readValue(tree);
    } catch (IOException e) {
      throw new IllegalStateException(
          "model parameters " + validated.keySet() + " do not fit " + type.getSimpleName(), e);
    }
  }
}
