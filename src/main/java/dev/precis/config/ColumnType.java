package dev.precis.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How a column is encoded: numbers are imputed and scaled, categories one-hot encoded, free text
 * tokenised into a bag of words (data.text), booleans a 0/1 feature, dates into calendar features
 * (prep.dates), and identifiers never made features (like data.drop).
 */
public enum ColumnType {
  @JsonProperty("numeric")
  NUMERIC,
  @JsonProperty("categorical")
  CATEGORICAL,
  @JsonProperty("text")
  TEXT,
  @JsonProperty("boolean")
  BOOLEAN,
  @JsonProperty("date")
  DATE,
  @JsonProperty("id")
  IDENTIFIER
}
