package dev.precis.config;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The whole resolved configuration: defaults, then the YAML file, then command-line overrides.
 * Every section is present; a record is validated as it is built, so holding one means it is valid.
 *
 * @param version config format version (1)
 * @param seed the one seed for splits, model initialisation and tuning
 * @param task what the model predicts
 */
@JsonPropertyOrder({
  "version", "seed", "task", "data", "prep", "model", "engine", "eval", "tune", "predict"
})
public record PrecisConfig(
    int version,
    long seed,
    TaskType task,
    DataConfig data,
    PrepConfig prep,
    ModelConfig model,
    EngineConfig engine,
    EvalConfig eval,
    TuneConfig tune,
    PredictConfig predict) {

  public static final int VERSION = 1;

  public PrecisConfig {
    if (version != VERSION) {
      throw new ConfigException(
          "version", "this Precis reads config version " + VERSION + " (got " + version + ")");
    }
    Check.present(task, "task");
    Check.present(data, "data");
    Check.present(prep, "prep");
    Check.present(model, "model");
    Check.present(engine, "engine");
    Check.present(eval, "eval");
    Check.present(tune, "tune");
    Check.present(predict, "predict");
    UpliftKeys.check(task, data, prep, model);
    if (tune.metric() == null) {
      // the default ranks by the task's own headline metric
      tune = tune.withMetric(task == TaskType.UPLIFT ? "qini" : "auc");
    }
    if (predict.budget() && eval.economics() == null) {
      throw new ConfigException(
          "predict.budget", "needs eval.economics: {cost: C, value: V, budget: ...}");
    }
  }

  public PrecisConfig withData(DataConfig newData) {
    return new PrecisConfig(version, seed, task, newData, prep, model, engine, eval, tune, predict);
  }

  public PrecisConfig withTune(TuneConfig newTune) {
    return new PrecisConfig(version, seed, task, data, prep, model, engine, eval, newTune, predict);
  }

  public PrecisConfig withPrep(PrepConfig newPrep) {
    return new PrecisConfig(version, seed, task, data, newPrep, model, engine, eval, tune, predict);
  }

  public PrecisConfig withModel(ModelConfig newModel) {
    return new PrecisConfig(version, seed, task, data, prep, newModel, engine, eval, tune, predict);
  }
}
