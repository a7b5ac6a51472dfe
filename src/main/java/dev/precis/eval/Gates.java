package dev.precis.eval;

import dev.precis.Nearest;
import dev.precis.config.ConfigException;
import dev.precis.config.EvalConfig;
import dev.precis.config.PrecisConfig;
import dev.precis.config.TaskType;
import dev.precis.eval.GateResult.Direction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Quality gates: the least value of a metric where higher is better (eval.gates, --fail-under), the
 * most of one where lower is better (eval.fail_over, --fail-over), and the largest drop from a
 * baseline report (eval.max_drop, --max-drop). The drift of the scored rows from the training rows
 * is gated the same way, by eval and by predict (predict.fail_over): psi, the largest column PSI,
 * and score_psi, the scores' PSI.
 */
public final class Gates {
  private static final Map<String, ToDoubleFunction<BinaryMetrics>> METRICS = new LinkedHashMap<>();
  private static final Map<String, ToDoubleFunction<BinaryMetrics>> LOSSES = new LinkedHashMap<>();

  /** Drift from the training rows, lower is better: gated in eval and in predict. */
  private static final List<String> DRIFT = List.of("psi", "score_psi");

  /** The metrics of an uplift task (all higher is better): qini, auuc and uplift@K. */
  private static final Map<String, ToDoubleFunction<UpliftScores>> UPLIFT = new LinkedHashMap<>();

  /** lift@K and capture@K: the top K% of rows by score, 0 < K <= 100. */
  private static final Pattern TOP_SHARE = Pattern.compile("(lift|capture)@(\\d+(?:\\.\\d+)?)");

  /**
   * uplift@K: the uplift of the top K% of rows by uplift score (strategy overall), 0 < K <= 100.
   */
  private static final Pattern UPLIFT_AT = Pattern.compile("(uplift)@(\\d+(?:\\.\\d+)?)");

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
    LOSSES.put("log_loss", BinaryMetrics::logLoss);
    LOSSES.put("brier", BinaryMetrics::brier);
    LOSSES.put("ece", BinaryMetrics::ece);
    UPLIFT.put("qini", UpliftScores::qiniAuc);
    UPLIFT.put("auuc", UpliftScores::upliftAuc);
  }

  private Gates() {}

  /** The names of the metrics tune.metric can name (all higher is better), in the docs' order. */
  public static List<String> metrics() {
    return List.copyOf(METRICS.keySet());
  }

  /** The value of a metric tune.metric or --max-drop can name. */
  public static double value(String metric, BinaryMetrics metrics) {
    ToDoubleFunction<BinaryMetrics> f = METRICS.getOrDefault(metric, LOSSES.get(metric));
    return f.applyAsDouble(metrics);
  }

  /** Whether a smaller value of this metric is the better one. */
  public static boolean lowerIsBetter(String metric) {
    return LOSSES.containsKey(metric);
  }

  /** Checks that every gate names a metric it can hold; returns the config unchanged. */
  public static PrecisConfig validate(PrecisConfig config) {
    EvalConfig eval = config.eval();
    for (String metric : eval.gates().keySet()) {
      if (LOSSES.containsKey(metric)) {
        throw new ConfigException(
            "eval.gates." + metric,
            "'" + metric + "' is better when lower: gate it with --fail-over (eval.fail_over)");
      }
      if (!isTopShare(metric, "eval.gates." + metric)
          && !isUplift(metric, "eval.gates." + metric)) {
        Set<String> names = new LinkedHashSet<>(METRICS.keySet());
        names.addAll(UPLIFT.keySet());
        checkName(metric, "eval.gates." + metric, names, "lift@K, capture@K, uplift@K");
      }
    }
    for (String metric : eval.failOver().keySet()) {
      if (METRICS.containsKey(metric)
          || isTopShare(metric, "eval.fail_over." + metric)
          || isUplift(metric, "eval.fail_over." + metric)) {
        throw new ConfigException(
            "eval.fail_over." + metric,
            "'" + metric + "' is better when higher: gate it with --fail-under (eval.gates)");
      }
      Set<String> maximums = new java.util.LinkedHashSet<>(LOSSES.keySet());
      maximums.addAll(DRIFT);
      checkName(metric, "eval.fail_over." + metric, maximums, null);
    }
    for (String metric : config.predict().failOver().keySet()) {
      if (!DRIFT.contains(metric)) {
        throw new ConfigException(
            "predict.fail_over." + metric,
            "predict scores rows without labels and gates only drift: use psi or score_psi"
                + (METRICS.containsKey(metric) || LOSSES.containsKey(metric)
                    ? " (gate '" + metric + "' in eval)"
                    : Nearest.hint(metric, DRIFT)));
      }
    }
    Set<String> plain = new TreeSet<>(METRICS.keySet());
    plain.addAll(LOSSES.keySet());
    for (var drop : eval.maxDrop().entrySet()) {
      String key = "eval.max_drop." + drop.getKey();
      checkName(drop.getKey(), key, plain, null);
      if (!(drop.getValue() >= 0)) {
        throw new ConfigException(key, "must be 0 or more, got " + drop.getValue());
      }
    }
    checkTuneMetric(config);
    return config;
  }

  /**
   * tune.metric must be one of the task's own metrics: a response model is ranked by a response
   * metric, an uplift model by qini, auuc or uplift@K.
   */
  private static void checkTuneMetric(PrecisConfig config) {
    String metric = config.tune().metric();
    boolean uplift = isUplift(metric, "tune.metric");
    if (config.task() == TaskType.UPLIFT) {
      if (!uplift && !METRICS.containsKey(metric) && !LOSSES.containsKey(metric)) {
        checkName(metric, "tune.metric", UPLIFT.keySet(), "uplift@K");
      }
      if (!uplift) {
        throw new ConfigException(
            "tune.metric",
            "'"
                + metric
                + "' ranks a response model; under task: uplift tune ranks by qini (the default),"
                + " auuc or uplift@K, e.g. uplift@30");
      }
    } else if (uplift) {
      throw new ConfigException(
          "tune.metric",
          "'"
              + metric
              + "' is an uplift metric: it needs task: uplift (use one of: "
              + String.join(", ", METRICS.keySet())
              + ")");
    } else {
      checkName(metric, "tune.metric", METRICS.keySet(), null);
    }
  }

  private static boolean isTopShare(String metric, String key) {
    return isPercentage(TOP_SHARE.matcher(metric), key);
  }

  /** Whether the metric is an uplift task's: qini, auuc or uplift@K (K checked). */
  public static boolean isUplift(String metric, String key) {
    return UPLIFT.containsKey(metric) || isPercentage(UPLIFT_AT.matcher(metric), key);
  }

  private static boolean isPercentage(Matcher m, String key) {
    if (!m.matches()) {
      return false;
    }
    double percent = Double.parseDouble(m.group(2));
    if (percent <= 0 || percent > 100) {
      throw new ConfigException(
          key, "the top share K of " + m.group(1) + "@K is a percentage, 0 < K <= 100");
    }
    return true;
  }

  private static void checkName(String metric, String key, Set<String> names, String patterns) {
    if (!names.contains(metric)) {
      throw new ConfigException(
          key,
          "'"
              + metric
              + "' is not a metric this key takes"
              + Nearest.hint(metric, names)
              + " (use one of: "
              + String.join(", ", names)
              + (patterns == null ? "" : ", " + patterns)
              + ")");
    }
  }

  /** The verdicts of eval.gates and eval.fail_over on one scored, labelled set. */
  public static List<GateResult> check(
      EvalConfig eval, BinaryMetrics metrics, double[] scores, boolean[] labels) {
    List<GateResult> results = new ArrayList<>();
    RankedScores[] ranked = new RankedScores[1];
    eval.gates()
        .forEach(
            (metric, minimum) -> {
              if (isUplift(metric, "eval.gates." + metric)) {
                throw new ConfigException(
                    "eval.gates." + metric,
                    "'" + metric + "' is an uplift metric: it needs task: uplift");
              }
              Matcher top = TOP_SHARE.matcher(metric);
              double value;
              if (top.matches()) {
                if (ranked[0] == null) {
                  ranked[0] = RankedScores.rank(scores, labels);
                }
                TopShare share = new TopShare(ranked[0], Double.parseDouble(top.group(2)));
                value = top.group(1).equals("lift") ? share.lift() : share.capture();
              } else {
                value = value(metric, metrics);
              }
              results.add(
                  new GateResult(
                      metric, Direction.AT_LEAST, minimum, value, null, value >= minimum));
            });
    eval.failOver()
        .forEach(
            (metric, maximum) -> {
              if (DRIFT.contains(metric)) {
                return;
              }
              double value = value(metric, metrics);
              results.add(
                  new GateResult(
                      metric, Direction.AT_MOST, maximum, value, null, value <= maximum));
            });
    return results;
  }

  /**
   * The verdicts of the drift gates among {@code failOver} (eval.fail_over or predict.fail_over).
   *
   * @param psi the largest column PSI; null when drift per feature is unavailable, which leaves a
   *     psi gate out rather than failing a bundle that cannot measure it
   * @param scorePsi the scores' PSI; null when no row was scored
   */
  public static List<GateResult> drift(Map<String, Double> failOver, Double psi, Double scorePsi) {
    List<GateResult> results = new ArrayList<>();
    failOver.forEach(
        (metric, maximum) -> {
          Double value = metric.equals("psi") ? psi : metric.equals("score_psi") ? scorePsi : null;
          if (value != null) {
            results.add(
                new GateResult(metric, Direction.AT_MOST, maximum, value, null, value <= maximum));
          }
        });
    return results;
  }

  /**
   * The verdicts of eval.gates on one scored test of an uplift task (qini, auuc, uplift@K, all at
   * least their limit).
   *
   * @throws ConfigException when a gate or eval.fail_over names a metric of the response task
   */
  public static List<GateResult> checkUplift(EvalConfig eval, UpliftScores scores) {
    for (String metric : eval.failOver().keySet()) {
      if (DRIFT.contains(metric)) {
        continue;
      }
      throw new ConfigException(
          "eval.fail_over." + metric,
          "'"
              + metric
              + "' is a response metric: an uplift task gates only from below, with --fail-under"
              + " qini, auuc or uplift@K");
    }
    List<GateResult> results = new ArrayList<>();
    eval.gates()
        .forEach(
            (metric, minimum) -> {
              String key = "eval.gates." + metric;
              if (!isUplift(metric, key)) {
                throw new ConfigException(
                    key,
                    "'"
                        + metric
                        + "' is a response metric: an uplift task takes qini, auuc, uplift@K");
              }
              Double value = upliftValue(metric, scores);
              // an uplift the top cannot measure (no control row in it) does not pass
              boolean passed = value != null && value >= minimum;
              results.add(
                  new GateResult(
                      metric,
                      Direction.AT_LEAST,
                      minimum,
                      value == null ? Double.NaN : value,
                      null,
                      passed));
            });
    return results;
  }

  /**
   * The value of an uplift metric (qini, auuc or uplift@K, checked by {@link #isUplift}) on scored
   * rows of both arms; null for an uplift@K whose top holds no control row, which cannot measure
   * it.
   */
  public static Double upliftValue(String metric, UpliftScores scores) {
    Matcher at = UPLIFT_AT.matcher(metric);
    return at.matches()
        ? scores.upliftAt(Double.parseDouble(at.group(2)) / 100).overall()
        : UPLIFT.get(metric).applyAsDouble(scores);
  }

  /**
   * The verdicts of eval.max_drop against a baseline's metrics: a metric's worsening (its fall, or
   * its rise where lower is better) must not exceed the allowance.
   */
  public static List<GateResult> drops(
      Map<String, Double> maxDrop, BinaryMetrics now, BinaryMetrics before) {
    List<GateResult> results = new ArrayList<>();
    maxDrop.forEach(
        (metric, allowed) -> {
          double was = value(metric, before);
          double is = value(metric, now);
          double drop = lowerIsBetter(metric) ? is - was : was - is;
          results.add(
              new GateResult(metric, Direction.MAX_DROP, allowed, drop, was, drop <= allowed));
        });
    return results;
  }
}
