package dev.precis.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hyperparameter search.
 *
 * @param strategy how candidates are chosen
 * @param trials number of candidates (for halving: candidates of the first rung; grid tries its
 *     whole grid)
 * @param folds cross-validation folds per candidate
 * @param metric what ranks candidates (higher is better); null until the config is complete, which
 *     takes the task's default (auc for a response, qini for uplift)
 * @param parallel trials run at once; 0 uses engine.threads
 * @param models the model types searched; empty searches model.type alone
 * @param timeBudget wall time after which no trial starts, e.g. 90s, 15m, 1h; null for none
 * @param eta halving keeps the best 1/eta of each rung and gives them eta times the budget
 * @param space per parameter of model.type, or per model type then parameter: a list of choices, or
 *     {min, max, log} for a range
 */
public record TuneConfig(
    Strategy strategy,
    int trials,
    int folds,
    String metric,
    int parallel,
    List<String> models,
    String timeBudget,
    int eta,
    Map<String, Object> space) {
  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([smh]?)");

  /** Search strategy. */
  public enum Strategy {
    @JsonProperty("grid")
    GRID,
    @JsonProperty("random")
    RANDOM,
    @JsonProperty("halving")
    HALVING,
    @JsonProperty("tpe")
    TPE
  }

  public TuneConfig {
    Check.present(strategy, "tune.strategy");
    Check.atLeast(trials, 1, "tune.trials");
    Check.atLeast(folds, 2, "tune.folds");
    Check.between(parallel, 0, EngineConfig.MAX_THREADS, "tune.parallel");
    Check.between(eta, 2, 10, "tune.eta");
    models = models == null ? List.of() : List.copyOf(models);
    if (timeBudget != null) {
      timeBudget = timeBudget.strip();
      budget(timeBudget);
    }
    space =
        space == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(space));
  }

  /** This search with these models and space. */
  public TuneConfig withSearch(List<String> newModels, Map<String, Object> newSpace) {
    return new TuneConfig(
        strategy, trials, folds, metric, parallel, newModels, timeBudget, eta, newSpace);
  }

  /** This search ranked by {@code newMetric}. */
  public TuneConfig withMetric(String newMetric) {
    return new TuneConfig(
        strategy, trials, folds, newMetric, parallel, models, timeBudget, eta, space);
  }

  /** tune.time_budget as a duration, or null when there is none. */
  public Duration budget() {
    return timeBudget == null ? null : budget(timeBudget);
  }

  private static Duration budget(String text) {
    Matcher m = DURATION.matcher(text.toLowerCase(Locale.ROOT));
    if (!m.matches() || Double.parseDouble(m.group(1)) <= 0) {
      throw new ConfigException(
          "tune.time_budget",
          "'" + text + "' is not a duration; write seconds, minutes or hours, e.g. 90s, 15m, 1h");
    }
    double unit =
        switch (m.group(2)) {
          case "m" -> 60;
          case "h" -> 3600;
          default -> 1;
        };
    return Duration.ofMillis(Math.round(Double.parseDouble(m.group(1)) * unit * 1000));
  }
}
