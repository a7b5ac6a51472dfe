package dev.precis.tune;

import dev.precis.config.ConfigException;
import dev.precis.model.ModelType;
import dev.precis.model.ParamSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a search draws for one model type: its parameters' base values and, for each searched
 * parameter, a list of choices or a numeric range ({min, max}, optionally log: true). Whole-number
 * parameters draw whole numbers.
 *
 * @param type the model type
 * @param base every parameter's value where the space does not vary it
 * @param dimensions searched parameter to its choices (a List) or range (a Map), sorted by name
 */
record FamilySpace(ModelType type, Map<String, Object> base, Map<String, Object> dimensions) {
  private static final Set<String> RANGE_KEYS = Set.of("min", "max", "log");
  private static final String FORMS =
      "a list of choices, e.g. [16, 64], or a range {min: 0.001, max: 0.1, log: true}";

  FamilySpace {
    base = Map.copyOf(base);
    dimensions = java.util.Collections.unmodifiableMap(new TreeMap<>(dimensions));
  }

  /**
   * The space after checking each dimension against the type's parameters.
   *
   * @param prefix the config key the dimensions sit under, for messages
   */
  static FamilySpace checked(
      ModelType type, Map<String, Object> base, Map<String, ?> dimensions, String prefix) {
    Map<String, Object> checked = new TreeMap<>();
    dimensions.forEach(
        (name, dimension) -> {
          check(type, name, dimension, prefix + name);
          checked.put(name, dimension);
        });
    return new FamilySpace(type, base, checked);
  }

  String family() {
    return type.name();
  }

  /** This space without the budget parameter, which successive halving sets itself. */
  FamilySpace withoutBudget() {
    if (type.budget() == null) {
      return this;
    }
    Map<String, Object> rest = new TreeMap<>(dimensions);
    rest.remove(type.budget());
    return new FamilySpace(type, base, rest);
  }

  /** One candidate: the base values with the searched parameters drawn. */
  Map<String, Object> sample(Random random) {
    Map<String, Object> params = new LinkedHashMap<>(base());
    dimensions.forEach((name, dimension) -> params.put(name, draw(name, dimension, random)));
    return ordered(params);
  }

  /** Every combination of the dimensions; a range contributes its min, middle and max. */
  List<Map<String, Object>> grid() {
    List<Map<String, Object>> points = List.of(new LinkedHashMap<>(base));
    for (Map.Entry<String, Object> dimension : dimensions.entrySet()) {
      List<Object> values = gridValues(dimension.getKey(), dimension.getValue());
      List<Map<String, Object>> next = new ArrayList<>();
      for (Map<String, Object> point : points) {
        for (Object value : values) {
          Map<String, Object> extended = new LinkedHashMap<>(point);
          extended.put(dimension.getKey(), value);
          next.add(extended);
        }
      }
      points = next;
    }
    return points.stream().map(this::ordered).toList();
  }

  /** The parameters in the order the type declares them, so journals and reports read alike. */
  Map<String, Object> ordered(Map<String, Object> params) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String name : type.paramNames()) {
      out.put(name, params.get(name));
    }
    return out;
  }

  Object coerce(String name, Object value) {
    return type.param(name).coerce(value, "tune.space." + name);
  }

  private Object draw(String name, Object dimension, Random random) {
    if (dimension instanceof List<?> choices) {
      return coerce(name, choices.get(random.nextInt(choices.size())));
    }
    Range range = Range.of((Map<?, ?>) dimension);
    return fromUnit(name, range, random.nextDouble());
  }

  /** The value at {@code u} in [0, 1] along a range: linear, or along its logarithm. */
  Object fromUnit(String name, Range range, double u) {
    double value =
        range.log()
            ? Math.exp(Math.log(range.min()) + u * (Math.log(range.max()) - Math.log(range.min())))
            : range.min() + u * (range.max() - range.min());
    ParamSpec spec = type.param(name);
    if (spec.kind() == ParamSpec.Kind.INT) {
      value = Math.max(range.min(), Math.min(Math.round(value), range.max()));
    }
    return coerce(name, value);
  }

  private List<Object> gridValues(String name, Object dimension) {
    if (dimension instanceof List<?> choices) {
      return choices.stream().map(c -> coerce(name, c)).distinct().toList();
    }
    Range range = Range.of((Map<?, ?>) dimension);
    return java.util.stream.Stream.of(0.0, 0.5, 1.0)
        .map(u -> fromUnit(name, range, u))
        .distinct()
        .toList();
  }

  /** A numeric range of tune.space. */
  record Range(double min, double max, boolean log) {
    static Range of(Map<?, ?> range) {
      return new Range(
          ((Number) range.get("min")).doubleValue(),
          ((Number) range.get("max")).doubleValue(),
          Boolean.TRUE.equals(range.get("log")));
    }
  }

  private static void check(ModelType type, String name, Object dimension, String key) {
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
        throw new ConfigException(key, "needs at least one choice, e.g. [16, 64]");
      }
      choices.forEach(choice -> spec.coerce(choice, key));
      return;
    }
    if (!(dimension instanceof Map<?, ?> range)
        || !(range.get("min") instanceof Number min)
        || !(range.get("max") instanceof Number max)
        || !RANGE_KEYS.containsAll(range.keySet())
        || (range.get("log") != null && !(range.get("log") instanceof Boolean))) {
      throw new ConfigException(key, "expected " + FORMS);
    }
    if (spec.kind() == ParamSpec.Kind.INT_LIST || spec.kind() == ParamSpec.Kind.CHOICE) {
      throw new ConfigException(
          key, "takes no range: " + name + " is not a number; give a list of choices");
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
