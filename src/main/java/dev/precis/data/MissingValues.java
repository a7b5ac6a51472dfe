package dev.precis.data;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides which raw values mean "missing": blank fields and the configured tokens, with blanks
 * around a value ignored as everywhere else (labels, levels and numbers are all read stripped), so
 * that {@code " unknown "} is as missing in a feature as it is in the target; and in one numeric
 * column, its sentinels (bank's pdays 999, "never contacted"), compared as numbers so that "999.0"
 * is one too.
 *
 * @param tokens values missing in every column
 * @param sentinels numbers missing in this column; empty for most
 */
public record MissingValues(Set<String> tokens, Set<Double> sentinels) {
  public MissingValues {
    tokens = Set.copyOf(tokens);
    sentinels = Set.copyOf(sentinels);
  }

  public MissingValues(List<String> tokens) {
    this(Set.copyOf(tokens), Set.of());
  }

  /** These, with the numbers that mean "missing" in one column besides. */
  public MissingValues withSentinels(List<Double> numbers) {
    if (numbers.isEmpty()) {
      return this;
    }
    Set<Double> all = new HashSet<>(sentinels);
    // + 0.0 makes -0.0 equal to 0.0 as a set element, as it is as a number
    numbers.forEach(n -> all.add(n + 0.0));
    return new MissingValues(tokens, all);
  }

  public boolean isMissing(String value) {
    if (value.isBlank()) {
      return true;
    }
    String stripped = value.strip();
    return tokens.contains(stripped)
        || (!sentinels.isEmpty() && sentinels.contains(Numbers.parseOrNaN(stripped) + 0.0));
  }
}
