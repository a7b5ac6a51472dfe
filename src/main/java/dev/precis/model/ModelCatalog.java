package dev.precis.model;

import dev.precis.Nearest;
import dev.precis.config.ConfigException;
import dev.precis.config.ModelConfig;
import dev.precis.config.PrecisConfig;
import dev.precis.config.TaskType;
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
    register(
        new ModelType(
            UpliftForestFamily.TYPE,
            "uplift random forest, splits on the divergence between the arms (model.uplift:"
                + " forest)",
            UpliftForestFamily.PARAMS,
            UpliftForestFamily.SPACE,
            "trees",
            UpliftForestFamily::new));
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
   * Refuses the uplift forest as a base learner, and model.uplift: forest with a base learner: the
   * forest is an uplift model of its own, so the two keys go together.
   *
   * @param key the key that names the type (model.type, or tune.models[i])
   * @throws ConfigException naming the key to change
   */
  public static void checkUpliftForest(String type, PrecisConfig config, String key) {
    boolean forestType = type.equals(UpliftForestFamily.TYPE);
    boolean uplift = config.task() == TaskType.UPLIFT;
    if (forestType && !uplift) {
      throw new ConfigException(
          key, "uplift-forest models an uplift; set task: uplift, or pick a response model type");
    }
    boolean forestApproach = uplift && config.model().uplift() == ModelConfig.Uplift.FOREST;
    if (forestType && !forestApproach) {
      throw new ConfigException(
          "model.uplift",
          "uplift-forest is an uplift model of its own, not a base learner; set model.uplift:"
              + " forest");
    }
    if (forestApproach && !forestType) {
      throw new ConfigException(
          key,
          "model.uplift: forest grows its own trees; set "
              + key
              + " to uplift-forest (model.params are then its parameters)");
    }
  }

  /**
   * The config with model.params checked against the type and every default filled in.
   *
   * @throws ConfigException naming the parameter that is unknown or out of range, or prep.imbalance
   *     for a type that ignores the class balance
   */
  public static PrecisConfig complete(PrecisConfig config) {
    ModelType type = type(config.model().type());
    checkUpliftForest(type.name(), config, "model.type");
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
