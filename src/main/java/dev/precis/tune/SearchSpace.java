package dev.precis.tune;

import dev.precis.Nearest;
import dev.precis.config.ConfigException;
import dev.precis.config.PrecisConfig;
import dev.precis.config.TuneConfig;
import dev.precis.model.ModelCatalog;
import dev.precis.model.ModelType;
import dev.precis.model.ParamSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The spaces of every model type a search covers (tune.models, or model.type alone). tune.space
 * takes two forms, which may be mixed: parameters of model.type at its top ({epochs: [5, 10]}), or
 * a section per model type ({mlp: {epochs: [5, 10]}}). A type without a section searches its
 * default space. model.params are the base values of model.type; other types start from their
 * defaults.
 */
public final class SearchSpace {
  private final List<FamilySpace> families;

  private SearchSpace(List<FamilySpace> families) {
    this.families = List.copyOf(families);
  }

  /**
   * The config's search space.
   *
   * @param config complete (see {@link ModelCatalog#complete})
   * @throws ConfigException naming the tune key at fault and the fix
   */
  public static SearchSpace of(PrecisConfig config) {
    List<String> models = models(config);
    String primary = config.model().type();
    Map<String, Object> declared = config.tune().space();
    Map<String, Object> flat = new LinkedHashMap<>();
    Map<String, Map<String, ?>> sections = new LinkedHashMap<>();
    for (Map.Entry<String, Object> entry : declared.entrySet()) {
      String key = entry.getKey();
      if (ModelCatalog.names().contains(key)) {
        sections.put(key, section(key, entry.getValue(), models));
      } else {
        flat.put(key, entry.getValue());
      }
    }
    if (!flat.isEmpty()) {
      String first = "tune.space." + flat.keySet().iterator().next();
      if (!models.contains(primary)) {
        throw new ConfigException(
            first,
            "a parameter at the top of tune.space belongs to model.type ("
                + primary
                + "), which tune.models leaves out; put it under tune.space.FAMILY");
      }
      if (sections.containsKey(primary)) {
        throw new ConfigException(
            first,
            "give "
                + primary
                + "'s parameters either at the top of tune.space or under tune.space."
                + primary
                + ", not both");
      }
      checkFlatKeys(ModelCatalog.type(primary), flat);
      sections.put(primary, flat);
    }
    List<FamilySpace> spaces = new ArrayList<>();
    for (String model : models) {
      ModelType type = ModelCatalog.type(model);
      type.checkImbalance(config.prep().imbalance());
      Map<String, Object> base = model.equals(primary) ? config.model().params() : defaults(type);
      Map<String, ?> dimensions = sections.getOrDefault(model, type.defaultSpace());
      String prefix =
          model.equals(primary) && !flat.isEmpty() ? "tune.space." : "tune.space." + model + ".";
      spaces.add(FamilySpace.checked(type, base, dimensions, prefix));
    }
    return new SearchSpace(spaces);
  }

  /**
   * The config with its search spelt out: tune.models listed and every space in a section of its
   * type, so that it means the same search whatever model.type becomes (as in best.yaml).
   */
  public static PrecisConfig explicit(PrecisConfig config) {
    List<String> models = models(config);
    Map<String, Object> sectioned = new LinkedHashMap<>();
    Map<String, Object> flat = new LinkedHashMap<>();
    config
        .tune()
        .space()
        .forEach(
            (key, value) -> {
              if (ModelCatalog.names().contains(key)) {
                sectioned.put(key, value);
              } else {
                flat.put(key, value);
              }
            });
    if (!flat.isEmpty()) {
      sectioned.put(config.model().type(), flat);
    }
    return config.withTune(config.tune().withSearch(models, sectioned));
  }

  /** Checks tune against the model catalog; returns the config unchanged. */
  public static PrecisConfig validate(PrecisConfig config) {
    of(config);
    return config;
  }

  /** Each model type searched, in tune.models order. */
  List<FamilySpace> families() {
    return families;
  }

  /**
   * Per model type, the parameters the strategy varies: halving sets a type's budget parameter
   * itself.
   */
  public Map<String, List<String>> searched(TuneConfig.Strategy strategy) {
    Map<String, List<String>> searched = new LinkedHashMap<>();
    for (FamilySpace family : families) {
      FamilySpace varied =
          strategy == TuneConfig.Strategy.HALVING ? family.withoutBudget() : family;
      searched.put(family.family(), List.copyOf(varied.dimensions().keySet()));
    }
    return searched;
  }

  /** tune.models, or model.type alone. */
  public static List<String> models(PrecisConfig config) {
    List<String> models = config.tune().models();
    if (models.isEmpty()) {
      return List.of(config.model().type());
    }
    for (int i = 0; i < models.size(); i++) {
      String name = models.get(i);
      if (!ModelCatalog.names().contains(name)) {
        throw new ConfigException(
            "tune.models[" + i + "]",
            "unknown model type '"
                + name
                + "'"
                + Nearest.hint(name, ModelCatalog.names())
                + " (available: "
                + String.join(", ", ModelCatalog.names())
                + ")");
      }
      ModelCatalog.checkUpliftForest(name, config, "tune.models[" + i + "]");
      if (models.indexOf(name) != i) {
        throw new ConfigException("tune.models[" + i + "]", name + " is listed twice");
      }
    }
    return models;
  }

  private static Map<String, ?> section(String family, Object value, List<String> models) {
    String key = "tune.space." + family;
    if (!models.contains(family)) {
      throw new ConfigException(
          key,
          family
              + " is not searched (tune.models: "
              + String.join(", ", models)
              + "); add it to tune.models or remove this section");
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw new ConfigException(
          key, "expected a map of parameter to choices or range, e.g. {epochs: [10, 20]}");
    }
    Map<String, Object> section = new LinkedHashMap<>();
    map.forEach((name, dimension) -> section.put(String.valueOf(name), dimension));
    return section;
  }

  /** An unknown top-level key may be a parameter or a model type misspelt: say both. */
  private static void checkFlatKeys(ModelType primary, Map<String, Object> flat) {
    for (String key : flat.keySet()) {
      if (primary.param(key) == null) {
        List<String> known = new ArrayList<>(primary.paramNames());
        known.addAll(ModelCatalog.names());
        throw new ConfigException(
            "tune.space." + key,
            "neither a parameter of "
                + primary.name()
                + " nor a model type"
                + Nearest.hint(key, known)
                + " ("
                + primary.name()
                + " takes: "
                + String.join(", ", primary.paramNames())
                + "; model types: "
                + String.join(", ", ModelCatalog.names())
                + ")");
      }
    }
  }

  private static Map<String, Object> defaults(ModelType type) {
    Map<String, Object> base = new LinkedHashMap<>();
    for (ParamSpec spec : type.params()) {
      base.put(spec.name(), spec.defaultValue());
    }
    return base;
  }
}
