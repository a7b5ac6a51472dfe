package dev.precis.tune;

import dev.precis.config.ConfigException;
import dev.precis.config.PrecisConfig;
import dev.precis.model.ModelCatalog;
import dev.precis.model.ModelType;
import dev.precis.model.ParamSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * The hyperparameters a search draws from: for each parameter, a list of choices or a numeric range
 * ({min, max}, optionally log: true for a log-uniform draw). Whole-number parameters draw whole
 * numbers.
 */
public final class SearchSpace {
  private static final Set<String> RANGE_KEYS = Set.of("min", "max", "log");
  private final ModelType type;
  private final Map<String, Object> dimensions;

  private SearchSpace(ModelType type, Map<String, Object> dimensions) {
    this.type = type;
    this.dimensions = dimensions;
  }

  /** The config's tune.space, or the model type's default space when it declares none. */
  public static SearchSpace of(PrecisConfig config) {
    ModelType type = ModelCatalog.type(config.model().type());
    Map<String, Object> declared =
        config.tune().space().isEmpty() ? type.defaultSpace() : config.tune().space();
    Map<String, Object> sorted = new TreeMap<>(declared);
    sorted.forEach((name, dimension) -> check(type, name, dimension));
    return new SearchSpace(type, sorted);
  }

  /** Checks tune.space against the model type; returns the config unchanged. */
  public static PrecisConfig validate(PrecisConfig config) {
    of(config);
    return config;
  }

  /** The parameters searched. */
  public Set<String> names() {
    return dimensions.keySet();
  }

  /** One candidate: the model's defaults with the searched parameters drawn. */
  public Map<String, Object> sample(Map<String, Object> defaults, Random random) {
    Map<String, Object> params = new LinkedHashMap<>(defaults);
    dimensions.forEach(
        (name, dimension) -> {
          ParamSpec spec = type.param(name);
          params.put(name, spec.coerce(draw(spec, dimension, random), "tune.space." + name));
        });
    return params;
  }

  private static Object draw(ParamSpec spec, Object dimension, Random random) {
    if (dimension instanceof List<?> choices) {
      return choices.get(random.nextInt(choices.size()));
    }
    Map<?, ?> range = (Map<?, ?>) dimension;
    double min = ((Number) range.get("min")).doubleValue();
    double max = ((Number) range.get("max")).doubleValue();
    boolean log = Boolean.TRUE.equals(range.get("log"));
    double u = random.nextDouble();
    double value =
        log ? Math.exp(Math.log(min) + u * (Math.log(max) - Math.log(min))) : min + u * (max - min);
    return spec.kind() == ParamSpec.Kind.INT
        ? (Object) (double) Math.min(Math.round(value), (long) max)
        : (Object) value;
  }

  private static void check(ModelType type, String name, Object dimension) {
    String key = "tune.space." + name;
    ParamSpec spec = type.param(name);
    if (spec == null) {
      throw new ConfigException(
          key,
          "not a parameter of "
              + type.name()
              + dev.precis.Nearest.hint(name, type.paramNames())
              + " (it takes: "
              + String.join(", ", type.paramNames())
              + ")");
    }
    if (dimension instanceof List<?> choices) {
      if (choices.isEmpty()) {
        throw new ConfigException(key, "needs at least one choice");
      }
      choices.forEach(choice -> spec.coerce(choice, key));
      return;
    }
    if (!(dimension instanceof Map<?, ?> range)
        || !(range.get("min") instanceof Number min)
        || !(range.get("max") instanceof Number max)
        || !RANGE_KEYS.containsAll(range.keySet())
        || spec.kind() == ParamSpec.Kind.INT_LIST
        || spec.kind() == ParamSpec.Kind.CHOICE) {
      throw new ConfigException(
          key,
          "expected a list of choices, e.g. [16, 64], or a range {min: 0.001, max: 0.1, log:"
              + " true}");
    }
    spec.coerce(min, key + ".min");
    spec.coerce(max, key + ".max");
    if (min.doubleValue() > max.doubleValue()) {
      throw new ConfigException(key, "min must not exceed max");
    }
    if (Boolean.TRUE.equals(range.get("log")) && min.doubleValue() <= 0) {
      throw new ConfigException(key, "a log range needs min > 0");
    }
  }
}
