package dev.precis.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a model is trained to predict. Only {@code response} exists today; an uplift task (a
 * treatment column and an outcome) and a numeric target are further constants here, each with its
 * model-side {@code dev.precis.model.Task}.
 */
public enum TaskType {
  /** Whether a customer responds: the binary data.target, data.positive its response value. */
  @JsonProperty("response")
  RESPONSE
}
