package dev.precis.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a column is encoded: numbers are imputed and scaled, categories one-hot encoded. */
public enum ColumnType {
  @JsonProperty("numeric")
  NUMERIC,
  @JsonProperty("categorical")
  CATEGORICAL
}
