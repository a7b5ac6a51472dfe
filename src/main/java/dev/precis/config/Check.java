package dev.precis.config;

/** Range checks for config records; each failure names the key it is about. */
final class Check {
  private Check() {}

  static int atLeast(int value, int min, String key) {
    if (value < min) {
      throw new ConfigException(key, "must be at least " + min + " (got " + value + ")");
    }
    return value;
  }

  static int between(int value, int min, int max, String key) {
    if (value < min || value > max) {
      throw new ConfigException(
          key, "must be between " + min + " and " + max + " (got " + value + ")");
    }
    return value;
  }

  static double within(double value, double min, double max, String key) {
    if (!(value >= min && value <= max)) {
      throw new ConfigException(
          key, "must be between " + min + " and " + max + " (got " + value + ")");
    }
    return value;
  }

  static <T> T present(T value, String key) {
    if (value == null) {
      throw new ConfigException(key, "is required");
    }
    return value;
  }
}
