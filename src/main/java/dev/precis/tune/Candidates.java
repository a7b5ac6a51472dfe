package dev.precis.tune;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** The candidates of the strategies that plan every trial up front. */
final class Candidates {
  private Candidates() {}

  /** Every point of every type's grid, type after type. */
  static List<Candidate> grid(List<FamilySpace> spaces) {
    List<Candidate> candidates = new ArrayList<>();
    for (FamilySpace space : spaces) {
      for (Map<String, Object> params : space.grid()) {
        candidates.add(Candidate.full(candidates.size() + 1, space, params));
      }
    }
    return candidates;
  }

  /**
   * {@code n} candidates drawn from the seed, the types taking turns, so that each gets its share
   * however short the search.
   */
  static List<Candidate> random(List<FamilySpace> spaces, int n, Random random) {
    List<Candidate> candidates = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      FamilySpace space = spaces.get(i % spaces.size());
      candidates.add(Candidate.full(i + 1, space, space.sample(random)));
    }
    return candidates;
  }
}
