package dev.precis.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How a column is encoded: numbers are imputed and scaled, categories one-hot encoded, free text
 * tokenised into a bag of words (data.text), dates into calendar features (prep.dates).
 */
public enum ColumnType {
  @JsonProperty("numeric")
  NUMERIC,
  @JsonProperty("categorical")
  CATEGORICAL,
  @JsonProperty("text")
  TEXT,
  @JsonProperty("date")
  DATE
}
