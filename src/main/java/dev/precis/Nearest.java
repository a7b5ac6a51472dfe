package dev.precis;

import java.util.Collection;
import java.util.Optional;

/** Finds the closest known name to a misspelled one, for "did you mean" hints. */
public final class Nearest {
  private Nearest() {}

  /**
   * The candidate with the smallest edit distance to {@code name} (case-insensitive), if it is
   * close enough to be a plausible typo: at most a third of the longer name's length.
   */
  public static Optional<String> to(String name, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int d = distance(name.toLowerCase(), candidate.toLowerCase());
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    if (best == null || bestDistance > Math.max(2, Math.max(name.length(), best.length()) / 3)) {
      return Optional.empty();
    }
    return Optional.of(best);
  }

  /** " (did you mean 'x'?)" or "" when nothing is close. */
  public static String hint(String name, Collection<String> candidates) {
    return to(name, candidates).map(n -> "; did you mean '" + n + "'?").orElse("");
  }

  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
