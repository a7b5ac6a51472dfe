package dev.precis.model;

import dev.precis.config.ConfigException;
import java.util.ArrayList;
import java.util.List;

/**
 * One hyperparameter of a model family: its kind, default and valid range. Turns what a user wrote
 * (YAML or --set text) into a value of the right type, or a {@link ConfigException} that names the
 * key and the accepted values.
 *
 * @param name the key under model.params
 * @param kind what sort of value it takes
 * @param defaultValue the value when the config names none
 * @param min smallest accepted number (for lists, of each element)
 * @param max largest accepted number (for lists, of each element)
 * @param choices the accepted names (for {@link Kind#CHOICE}; empty otherwise)
 * @param help one line for the README and error messages
 */
public record ParamSpec(
    String name,
    Kind kind,
    Object defaultValue,
    double min,
    double max,
    List<String> choices,
    String help) {
  /** Value kinds. */
  public enum Kind {
    INT,
    DOUBLE,
    INT_LIST,
    CHOICE
  }

  public static ParamSpec integer(String name, int defaultValue, int min, int max, String help) {
    return new ParamSpec(name, Kind.INT, defaultValue, min, max, List.of(), help);
  }

  public static ParamSpec real(
      String name, double defaultValue, double min, double max, String help) {
    return new ParamSpec(name, Kind.DOUBLE, defaultValue, min, max, List.of(), help);
  }

  public static ParamSpec integers(
      String name, List<Integer> defaultValue, int min, int max, String help) {
    return new ParamSpec(name, Kind.INT_LIST, defaultValue, min, max, List.of(), help);
  }

  public static ParamSpec choice(
      String name, String defaultValue, List<String> choices, String help) {
    return new ParamSpec(name, Kind.CHOICE, defaultValue, 0, 0, List.copyOf(choices), help);
  }

  /** The value in canonical form: Integer, Double, List of Integer or String. */
  public Object coerce(Object raw, String key) {
    return switch (kind) {
      case INT -> (int) inRange(number(raw, key, true), key);
      case DOUBLE -> inRange(number(raw, key, false), key);
      case INT_LIST -> integerList(raw, key);
      case CHOICE -> chosen(raw, key);
    };
  }

  private String chosen(Object raw, String key) {
    String value = String.valueOf(raw).strip();
    if (!choices.contains(value)) {
      throw new ConfigException(
          key,
          "'"
              + value
              + "' is not one of: "
              + String.join(", ", choices)
              + dev.precis.Nearest.hint(value, choices));
    }
    return value;
  }

  private List<Integer> integerList(Object raw, String key) {
    List<?> items;
    if (raw instanceof List<?> list) {
      items = list;
    } else if (raw instanceof String text && text.matches("\\s*\\d+(\\s*,\\s*\\d+)*\\s*")) {
      items = List.of(text.split(","));
    } else if (raw instanceof Number) {
      items = List.of(raw);
    } else {
      throw new ConfigException(
          key, "expected a list of whole numbers, e.g. [64, 32] (got '" + raw + "')");
    }
    // a list whose default is empty (no hidden layers) may be empty; others need a value
    if (items.isEmpty() && !((List<?>) defaultValue).isEmpty()) {
      throw new ConfigException(key, "needs at least one value, e.g. [64, 32]");
    }
    List<Integer> values = new ArrayList<>();
    for (Object item : items) {
      values.add(
          (int) inRange(number(item instanceof String s ? s.strip() : item, key, true), key));
    }
    return List.copyOf(values);
  }

  private double number(Object raw, String key, boolean whole) {
    double value;
    if (raw instanceof Number n) {
      value = n.doubleValue();
    } else if (raw instanceof String text) {
      try {
        value = Double.parseDouble(text.strip());
      } catch (NumberFormatException e) {
        throw new ConfigException(
            key, "'" + text + "' is not " + (whole ? "a whole number" : "a number"));
      }
    } else {
      throw new ConfigException(
          key, "expected " + (whole ? "a whole number" : "a number") + " (got '" + raw + "')");
    }
    if (whole && value != Math.rint(value)) {
      throw new ConfigException(key, "expected a whole number (got " + raw + ")");
    }
    return value;
  }

  private double inRange(double value, String key) {
    if (!(value >= min && value <= max)) {
      throw new ConfigException(
          key,
          "must be between "
              + format(min)
              + " and "
              + format(max)
              + " (got "
              + format(value)
              + ")");
    }
    return value;
  }

  private static String format(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? String.valueOf((long) value)
        : String.valueOf(value);
  }
}
