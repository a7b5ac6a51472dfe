package dev.precis.data;

import java.util.List;
import java.util.Set;

/**
 * Decides which raw values mean "missing": blank fields and the configured tokens, with blanks
 * around a value ignored as everywhere else (labels, levels and numbers are all read stripped), so
 * that {@code " unknown "} is as missing in a feature as it is in the target.
 */
public record MissingValues(Set<String> tokens) {
  public MissingValues(List<String> tokens) {
    this(Set.copyOf(tokens));
  }

  public boolean isMissing(String value) {
    return value.isBlank() || tokens.contains(value.strip());
  }
}
