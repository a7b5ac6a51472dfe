package dev.precis.model;

import dev.precis.Nearest;
import dev.precis.config.ConfigException;
import dev.precis.config.PrecisConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The model types Precis trains, by the name a config uses. */
public final class ModelCatalog {
  private static final Map<String, ModelType> TYPES = new LinkedHashMap<>();

  static {
    register(
        new ModelType(
            "logistic",
            "logistic regression (Tribuo linear SGD)",
            LogisticFamily.PARAMS,
            LogisticFamily.SPACE,
            "epochs",
            LogisticFamily::new));
    register(
        new ModelType(
            "mlp",
            "multi-layer perceptron (TensorFlow-Java)",
            MlpFamily.PARAMS,
            MlpFamily.SPACE,
            "epochs",
            MlpFamily::new));
    register(
        new ModelType(
            "forest",
            "random forest or extra trees (Tribuo CART ensembles)",
            ForestFamily.PARAMS,
            ForestFamily.SPACE,
            "trees",
            ForestFamily::new));
    register(
        new ModelType(
            "tree",
            "one classification tree (Tribuo CART)",
            TreeFamily.PARAMS,
            TreeFamily.SPACE,
            null,
            TreeFamily::new));
    register(
        new ModelType(
            "linear-svm",
            "linear support vector machine (Tribuo LibLinear); scores uncalibrated",
            LinearSvmFamily.PARAMS,
            LinearSvmFamily.SPACE,
            null,
            LinearSvmFamily::new));
    register(
        new ModelType(
            "fm",
            "factorisation machine (Tribuo SGD)",
            FmFamily.PARAMS,
            FmFamily.SPACE,
            "epochs",
            FmFamily::new));
    register(
        new ModelType(
            "naive-bayes",
            "multinomial naive Bayes (Tribuo)",
            NaiveBayesFamily.PARAMS,
            NaiveBayesFamily.SPACE,
            null,
            NaiveBayesFamily::new));
    register(
        new ModelType(
            "xgboost",
            "gradient-boosted trees (XGBoost, histogram method, early stopping)",
            XGBoostFamily.PARAMS,
            XGBoostFamily.SPACE,
            "rounds",
            XGBoostFamily::new));
    register(
        new ModelType(
            "text-lstm",
            "LSTM over a text's tokens, the seeds' model (TensorFlow-Java)",
            TextFamily.LSTM_PARAMS,
            TextFamily.LSTM_SPACE,
            "epochs",
            TextFamily::lstm));
    register(
        new ModelType(
            "text-embedding-bag",
            "averaged token vectors of a text, fastText-like (TensorFlow-Java)",
            TextFamily.BAG_PARAMS,
            TextFamily.BAG_SPACE,
            "epochs",
            TextFamily::bag));
  }

  private ModelCatalog() {}

  private static void register(ModelType type) {
    TYPES.put(type.name(), type);
  }

  public static List<String> names() {
    return List.copyOf(TYPES.keySet());
  }

  /** The type of that name, or a config error listing the types there are. */
  public static ModelType type(String name) {
    ModelType type = TYPES.get(name);
    if (type == null) {
      throw new ConfigException(
          "model.type",
          "unknown model type '"
              + name
              + "'"
              + Nearest.hint(name, TYPES.keySet())
              + " (available: "
              + String.join(", ", TYPES.keySet())
              + ")");
    }
    return type;
  }

  /**
   * The config with model.params checked against the type and every default filled in.
   *
   * @throws ConfigException naming the parameter that is unknown or out of range, or prep.imbalance
   *     for a type that ignores the class balance
   */
  public static PrecisConfig complete(PrecisConfig config) {
    ModelType type = type(config.model().type());
    type.checkImbalance(config.prep().imbalance());
    Map<String, Object> resolved = new LinkedHashMap<>();
    for (String key : config.model().params().keySet()) {
      if (type.param(key) == null) {
        throw new ConfigException(
            "model.params." + key,
            "not a parameter of "
                + type.name()
                + Nearest.hint(key, type.paramNames())
                + " (it takes: "
                + String.join(", ", type.paramNames())
                + "); a config written for another model type: remove its model.params, or clear"
                + " them with --set 'model.params={}'");
      }
    }
    for (ParamSpec spec : type.params()) {
      Object raw = config.model().params().get(spec.name());
      resolved.put(
          spec.name(),
          raw == null ? spec.defaultValue() : spec.coerce(raw, "model.params." + spec.name()));
    }
    return config.withModel(config.model().with(type.name(), resolved));
  }
}
