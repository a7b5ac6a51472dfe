package dev.precis.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a model is trained to predict, each with its model-side {@code dev.precis.model.Task}. A
 * numeric target is a further constant here.
 */
public enum TaskType {
  /** Whether a customer responds: the binary data.target, data.positive its response value. */
  @JsonProperty("response")
  RESPONSE,
  /**
   * How much a treatment (data.treatment's data.treated arm against its data.control arm) raises
   * the chance that the outcome data.target takes its data.positive value.
   */
  @JsonProperty("uplift")
  UPLIFT
}
