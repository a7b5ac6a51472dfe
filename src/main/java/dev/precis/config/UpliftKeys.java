package dev.precis.config;

/**
 * The keys of an uplift experiment, checked together: task uplift needs data.treatment,
 * data.treated and data.control, a response task refuses them, and settings that would bend one
 * arm's probabilities against the other's are refused with the reason.
 */
final class UpliftKeys {
  private UpliftKeys() {}

  /**
   * @throws ConfigException naming the first key that is missing or does not fit the task
   */
  static void check(TaskType task, DataConfig data, PrepConfig prep, ModelConfig model) {
    if (task != TaskType.UPLIFT) {
      for (String[] key :
          new String[][] {
            {"data.treatment", data.treatment()},
            {"data.treated", data.treated()},
            {"data.control", data.control()}
          }) {
        if (key[1] != null) {
          throw new ConfigException(
              key[0], "is read only under task: uplift; set task: uplift, or remove " + key[0]);
        }
      }
      return;
    }
    require(data.treatment(), "data.treatment", "the column that says which arm a row was in");
    require(data.treated(), "data.treated", "the treatment column's value of the treated arm");
    require(data.control(), "data.control", "the treatment column's value of the control arm");
    if (data.treated().equals(data.control())) {
      throw new ConfigException(
          "data.control",
          "is the same value as data.treated ('" + data.treated() + "'); give the control arm's");
    }
    if (data.treatment().equals(data.target())) {
      throw new ConfigException(
          "data.treatment",
          "is the outcome column data.target; name the column that holds the arm");
    }
    if (prep.imbalance().method() != PrepConfig.Rebalance.NONE) {
      throw new ConfigException(
          "prep.imbalance.method",
          "rebalancing the outcome would shift each arm's response rate by a different amount and"
              + " bias the uplift; set prep.imbalance.method: none under task: uplift");
    }
    if (model.calibration() == ModelConfig.Calibration.PLATT
        || model.calibration() == ModelConfig.Calibration.ISOTONIC) {
      throw new ConfigException(
          "model.calibration",
          "an uplift model is not calibrated (its score is a difference of probabilities); set"
              + " model.calibration: auto or none under task: uplift");
    }
  }

  private static void require(String value, String key, String what) {
    if (value == null || value.isBlank()) {
      throw new ConfigException(key, "is required under task: uplift: " + what);
    }
  }
}
