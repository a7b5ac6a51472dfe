package dev.precis.model;

import dev.precis.config.ConfigException;
import dev.precis.config.EngineConfig;
import dev.precis.config.PrepConfig;
import dev.precis.data.EncodedData;
import dev.precis.data.PipelineNeeds;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A model family as the config names it: its parameters, and how to make its trainer. The factory
 * is only called when a model of this type is trained, so a family's engine (TensorFlow's native
 * library, say) loads only then. {@code defaultSpace} is what `tune` searches when the config
 * declares no space, in the form of tune.space. {@code budget} names the whole-number parameter
 * that sets how much work a fit does (boosting rounds, epochs), which successive halving raises for
 * the candidates that survive; null when the family has none.
 */
public record ModelType(
    String name,
    String description,
    List<ParamSpec> params,
    Map<String, Object> defaultSpace,
    String budget,
    Supplier<? extends ModelFamily<?>> factory) {

  /** A family with its parameters bound, ready to fit. */
  @FunctionalInterface
  public interface Fitter {
    /** See {@link ModelFamily#fit}. */
    ModelArtifact fit(
        EncodedData train, EncodedData valid, Task task, EngineConfig engine, long seed);
  }

  public ParamSpec param(String key) {
    return params.stream().filter(p -> p.name().equals(key)).findFirst().orElse(null);
  }

  public List<String> paramNames() {
    return params.stream().map(ParamSpec::name).toList();
  }

  /**
   * Refuses a device the family cannot train on, before any data is read.
   *
   * @throws dev.precis.PrecisException (usage) naming engine.device and the fix
   */
  public void checkDevice(EngineConfig engine) {
    factory.get().checkDevice(name, engine);
  }

  /**
   * Refuses prep.imbalance for a family whose scores ignore the class balance.
   *
   * @throws ConfigException naming prep.imbalance.method and the fix
   */
  public void checkImbalance(PrepConfig.Imbalance imbalance) {
    if (imbalance.method() != PrepConfig.Rebalance.NONE && !factory.get().learnsClassBalance()) {
      throw new ConfigException(
          "prep.imbalance.method",
          name
              + " ignores the class balance (it keeps no class prior), so rebalancing would not"
              + " change it; set prep.imbalance.method: none, or pick another model type");
    }
  }

  /** See {@link ModelFamily#stopsEarly}. */
  public boolean stopsEarly(Map<String, Object> params) {
    return factory.get().stopsEarly(params);
  }

  /** See {@link ModelFamily#withoutValidation}. */
  public Map<String, Object> withoutValidation(
      Map<String, Object> params, Map<String, Object> fitSummary) {
    return factory.get().withoutValidation(params, fitSummary);
  }

  /** What the family needs from the feature pipeline. */
  public PipelineNeeds needs() {
    return factory.get().needs();
  }

  /** Whether the family's scores are probabilities; see {@link ModelFamily#probabilistic}. */
  public boolean probabilistic() {
    return factory.get().probabilistic();
  }

  /**
   * The family with these parameters, turned into its record once.
   *
   * @param validated complete and checked (see {@link ModelCatalog#complete})
   */
  public Fitter fitter(Map<String, Object> validated) {
    return bind(factory.get(), validated);
  }

  private <P> Fitter bind(ModelFamily<P> family, Map<String, Object> validated) {
    P typed = family.params(validated);
    return (train, valid, task, engine, seed) -> {
      family.checkDevice(name, engine);
      return family.fit(train, valid, typed, task, engine, seed);
    };
  }
}
