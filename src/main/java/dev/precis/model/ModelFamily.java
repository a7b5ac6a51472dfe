package dev.precis.model;

import dev.precis.config.EngineConfig;
import dev.precis.data.EncodedData;
import java.util.Map;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/** Trains one kind of model from encoded rows. Implementations load their engine only when used. */
public interface ModelFamily {
  /**
   * @param params the family's parameters, validated and complete (see {@link ModelCatalog})
   * @param seed seeds every random choice, so the same inputs give the same model
   */
  Model<Label> fit(EncodedData train, Map<String, Object> params, long seed, EngineConfig engine);
}
