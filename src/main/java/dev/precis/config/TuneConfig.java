package dev.precis.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hyperparameter search.
 *
 * @param strategy how candidates are drawn
 * @param trials number of candidates
 * @param folds cross-validation folds per candidate
 * @param metric what ranks candidates (higher is better)
 * @param parallel trials run at once; 0 uses every core
 * @param space per parameter: a list of choices, or {min, max, log} for a range
 */
public record TuneConfig(
    Strategy strategy,
    int trials,
    int folds,
    String metric,
    int parallel,
    Map<String, Object> space) {
  /** Search strategy. */
  public enum Strategy {
    @JsonProperty("random")
    RANDOM
  }

  public TuneConfig {
    Check.present(strategy, "tune.strategy");
    Check.atLeast(trials, 1, "tune.trials");
    Check.atLeast(folds, 2, "tune.folds");
    Check.between(parallel, 0, EngineConfig.MAX_THREADS, "tune.parallel");
    Check.present(metric, "tune.metric");
    space =
        space == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(space));
  }
}
