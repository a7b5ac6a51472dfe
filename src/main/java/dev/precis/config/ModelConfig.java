package dev.precis.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The model family and its hyperparameters. Which parameters a family takes, their defaults and
 * ranges are declared by the family in {@code dev.precis.model.ModelCatalog}.
 */
public record ModelConfig(String type, Map<String, Object> params) {
  public ModelConfig {
    Check.present(type, "model.type");
    params =
        params == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }
}
