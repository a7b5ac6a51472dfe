package dev.precis.tune;

import dev.precis.model.ParamSpec;
import dev.precis.report.TuneReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Successive halving: tune.trials candidates start on a small budget; after each rung the best
 * 1/eta (by mean, across types) go on with eta times the budget, until the last rung fits the full
 * budget. A type's budget is its budget parameter (rounds, epochs), whose full value is the type's
 * base value; a type without one fits on a share of the training rows instead.
 */
final class Halving {
  private final List<FamilySpace> spaces;
  private final int first;
  private final int eta;
  private final int rungs;

  Halving(List<FamilySpace> spaces, int trials, int eta) {
    this.spaces = spaces.stream().map(FamilySpace::withoutBudget).toList();
    this.first = trials;
    this.eta = eta;
    int r = 1;
    for (long n = trials; n >= eta; n /= eta) {
      r++;
    }
    this.rungs = r;
  }

  /** Trials over every rung. */
  int planned() {
    int total = 0;
    for (int r = 0, n = first; r < rungs; r++, n = Math.max(1, n / eta)) {
      total += n;
    }
    return total;
  }

  /** Runs the rungs; returns every finished trial. */
  List<TuneReport.Trial> run(TrialRunner runner, Random random) {
    List<TuneReport.Trial> all = new ArrayList<>();
    List<Candidate> rung = new ArrayList<>();
    for (Candidate drawn : Candidates.random(spaces, first, random)) {
      rung.add(budgeted(drawn.number(), drawn.space(), drawn.params(), 0));
    }
    int number = first;
    for (int r = 0; ; r++) {
      List<TuneReport.Trial> finished = runner.run(rung);
      all.addAll(finished);
      if (r == rungs - 1 || runner.outOfTime()) {
        return all;
      }
      List<Candidate> next = new ArrayList<>();
      for (TuneReport.Trial survivor : Ranking.top(finished, Math.max(1, rung.size() / eta))) {
        FamilySpace space = space(survivor.family());
        next.add(budgeted(++number, space, survivor.params(), r + 1));
      }
      rung = next;
    }
  }

  /** The candidate at rung {@code r}: its budget eta^(rungs-1-r) times below the full one. */
  Candidate budgeted(int number, FamilySpace space, Map<String, Object> params, int r) {
    double share = Math.pow(eta, -(rungs - 1 - r));
    String budget = space.type().budget();
    if (budget == null) {
      return new Candidate(
          number, space, params, r, share < 1 ? Map.of("row_share", share) : Map.of(), share);
    }
    ParamSpec spec = space.type().param(budget);
    int full = ((Number) space.base().get(budget)).intValue();
    int value = (int) Math.max(spec.min(), Math.max(1, Math.round(full * share)));
    Map<String, Object> limited = new LinkedHashMap<>(params);
    limited.put(budget, value);
    return new Candidate(
        number,
        space,
        space.ordered(limited),
        r,
        value < full ? Map.of(budget, value) : Map.of(),
        1.0);
  }

  private FamilySpace space(String family) {
    return spaces.stream().filter(s -> s.family().equals(family)).findFirst().orElseThrow();
  }
}
