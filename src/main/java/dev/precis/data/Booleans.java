package dev.precis.data;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The spellings of yes and no that make a column boolean: true/false, yes/no, y/n, t/f and 1/0, in
 * any case. Inference and the boolean step read values through this one table, so a value the
 * report calls boolean is one the step can encode.
 */
final class Booleans {
  private static final Map<String, Boolean> VALUES =
      Map.of(
          "true", true, "false", false, "yes", true, "no", false, "y", true, "n", false, "t", true,
          "f", false, "1", true, "0", false);

  private Booleans() {}

  /** The truth a stripped value spells, or null when it is not a boolean spelling. */
  static Boolean parse(String value) {
    return VALUES.get(value.strip().toLowerCase(Locale.ROOT));
  }

  /**
   * Whether a column's distinct present values (stripped) are one or both halves of a single pair,
   * such as {yes, no} or {TRUE}: mixing pairs (yes and 0) is not boolean.
   */
  static boolean isPair(Set<String> values) {
    Set<String> distinct = new java.util.HashSet<>();
    values.forEach(value -> distinct.add(value.strip().toLowerCase(Locale.ROOT)));
    if (distinct.isEmpty() || distinct.size() > 2) {
      return false;
    }
    String first = null;
    boolean sawTrue = false;
    boolean sawFalse = false;
    for (String value : distinct) {
      Boolean truth = parse(value);
      if (truth == null) {
        return false;
      }
      if (first != null && pairOf(first) != pairOf(value)) {
        return false;
      }
      first = value;
      sawTrue |= truth;
      sawFalse |= !truth;
    }
    return distinct.size() == 1 || (sawTrue && sawFalse);
  }

  /** Which pair a spelling belongs to: its index in true/false, yes/no, y/n, t/f, 1/0. */
  private static int pairOf(String lower) {
    return switch (lower) {
      case "true", "false" -> 0;
      case "yes", "no" -> 1;
      case "y", "n" -> 2;
      case "t", "f" -> 3;
      default -> 4;
    };
  }
}
