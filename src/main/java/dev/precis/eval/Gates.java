package dev.precis.eval;

import dev.precis.Nearest;
import dev.precis.config.ConfigException;
import dev.precis.config.PrecisConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** Quality gates: minimum values of higher-is-better metrics that a model must reach. */
public final class Gates {
  private static final Map<String, ToDoubleFunction<BinaryMetrics>> METRICS = new LinkedHashMap<>();

  static {
    METRICS.put("auc", BinaryMetrics::auc);
    METRICS.put("pr_auc", BinaryMetrics::prAuc);
    METRICS.put("ks", BinaryMetrics::ks);
    METRICS.put("accuracy", m -> m.atThreshold().accuracy());
    METRICS.put("precision", m -> m.atThreshold().precision());
    METRICS.put("recall", m -> m.atThreshold().recall());
    METRICS.put("f1", m -> m.atThreshold().f1());
    METRICS.put("mcc", m -> m.atThreshold().mcc());
    METRICS.put("top_lift", m -> m.gains().get(0).lift());
  }

  private Gates() {}

  /** The names of the metrics a gate (or tune.metric) can name, in the order docs list them. */
  public static List<String> metrics() {
    return List.copyOf(METRICS.keySet());
  }

  /** The value of a gateable metric, by name. */
  public static double value(String metric, BinaryMetrics metrics) {
    return METRICS.get(metric).applyAsDouble(metrics);
  }

  /** Checks that every gate names a gateable metric; returns the config unchanged. */
  public static PrecisConfig validate(PrecisConfig config) {
    for (String metric : config.eval().gates().keySet()) {
      checkName(metric, "eval.gates." + metric);
    }
    checkName(config.tune().metric(), "tune.metric");
    return config;
  }

  private static void checkName(String metric, String key) {
    if (!METRICS.containsKey(metric)) {
      throw new ConfigException(
          key,
          "'"
              + metric
              + "' is not a metric that can be maximised"
              + Nearest.hint(metric, METRICS.keySet())
              + " (use one of: "
              + String.join(", ", METRICS.keySet())
              + ")");
    }
  }

  public static List<GateResult> check(Map<String, Double> gates, BinaryMetrics metrics) {
    List<GateResult> results = new ArrayList<>();
    gates.forEach(
        (metric, minimum) -> {
          double value = value(metric, metrics);
          results.add(new GateResult(metric, minimum, value, value >= minimum));
        });
    return results;
  }
}
