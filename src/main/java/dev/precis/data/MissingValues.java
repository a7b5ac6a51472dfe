package dev.precis.data;

import java.util.List;
import java.util.Set;

/** Decides which raw values mean "missing": blank fields and the configured tokens. */
public record MissingValues(Set<String> tokens) {
  public MissingValues(List<String> tokens) {
    this(Set.copyOf(tokens));
  }

  public boolean isMissing(String value) {
    return value.isBlank() || tokens.contains(value);
  }
}
