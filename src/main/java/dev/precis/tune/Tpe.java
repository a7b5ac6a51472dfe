package dev.precis.tune;

import dev.precis.report.TuneReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The tree-structured Parzen estimator: after a few random candidates, each new one is the best of
 * a few draws by the ratio of two densities, one fitted to the best quarter of the trials so far
 * and one to the rest. The model type is one more categorical dimension; a type's parameters are
 * fitted to that type's trials alone. Candidates are drawn in batches of a fixed size, each batch
 * from the trials finished before it, so the plan depends on the seed and never on the parallelism.
 */
final class Tpe {
  private static final int BATCH = 4;
  private static final int DRAWS = 24;
  private static final double GOOD_SHARE = 0.25;

  private final List<FamilySpace> spaces;
  private final int trials;

  Tpe(List<FamilySpace> spaces, int trials) {
    this.spaces = spaces;
    this.trials = trials;
  }

  List<TuneReport.Trial> run(TrialRunner runner, Random random) {
    runner.plan(trials);
    int startup = Math.min(trials, Math.max(2 * spaces.size(), trials / 4));
    List<TuneReport.Trial> all =
        new ArrayList<>(runner.run(Candidates.random(spaces, startup, random)));
    int number = startup;
    while (number < trials && !runner.outOfTime()) {
      List<Candidate> batch = new ArrayList<>();
      for (int i = 0; i < BATCH && number < trials; i++) {
        batch.add(suggest(++number, all, random));
      }
      all.addAll(runner.run(batch));
    }
    return all;
  }

  private Candidate suggest(int number, List<TuneReport.Trial> seen, Random random) {
    List<TuneReport.Trial> ranked = Ranking.rank(seen);
    int goodCount = (int) Math.ceil(GOOD_SHARE * ranked.size());
    List<TuneReport.Trial> good = ranked.subList(0, goodCount);
    List<TuneReport.Trial> bad = ranked.subList(goodCount, ranked.size());
    Candidate best = null;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int d = 0; d < DRAWS; d++) {
      int f = drawFamily(good, random);
      FamilySpace space = spaces.get(f);
      double score = Math.log(familyDensity(good, f) / familyDensity(bad, f));
      Map<String, Object> params = new LinkedHashMap<>(space.base());
      for (Map.Entry<String, Object> dim : space.dimensions().entrySet()) {
        Dimension dimension = new Dimension(space, dim.getKey(), dim.getValue());
        double[] goodAt = dimension.positions(of(good, space));
        double u = dimension.draw(goodAt, random);
        score +=
            Math.log(
                dimension.density(goodAt, u)
                    / dimension.density(dimension.positions(of(bad, space)), u));
        params.put(dim.getKey(), dimension.value(u));
      }
      if (score > bestScore) {
        bestScore = score;
        best = Candidate.full(number, space, space.ordered(params));
      }
    }
    return best;
  }

  private int drawFamily(List<TuneReport.Trial> good, Random random) {
    double u = random.nextDouble();
    double total = 0;
    for (int f = 0; f < spaces.size(); f++) {
      total += familyDensity(good, f);
      if (u < total) {
        return f;
      }
    }
    return spaces.size() - 1;
  }

  /** The share of these trials of type {@code f}, smoothed by one trial of each type. */
  private double familyDensity(List<TuneReport.Trial> trials, int f) {
    String family = spaces.get(f).family();
    long count = trials.stream().filter(t -> t.family().equals(family)).count();
    return (count + 1.0) / (trials.size() + spaces.size());
  }

  private static List<Map<String, Object>> of(List<TuneReport.Trial> trials, FamilySpace space) {
    return trials.stream()
        .filter(t -> t.family().equals(space.family()))
        .map(TuneReport.Trial::params)
        .toList();
  }

  /**
   * One searched parameter seen as a position in [0, 1]: a choice's index spread over the unit
   * interval, or a value along its (log) range.
   */
  private record Dimension(FamilySpace space, String name, Object declared) {
    double[] positions(List<Map<String, Object>> params) {
      return params.stream().mapToDouble(p -> position(p.get(name))).toArray();
    }

    /** A draw from the Parzen estimate: a kernel around a seen position, or the uniform prior. */
    double draw(double[] seen, Random random) {
      int pick = random.nextInt(seen.length + 1);
      double u =
          pick == seen.length
              ? random.nextDouble()
              : seen[pick] + bandwidth(seen) * random.nextGaussian();
      return snap(Math.max(0, Math.min(1, u)));
    }

    /** The Parzen density at u: Gaussian kernels and the uniform prior, weighted alike. */
    double density(double[] seen, double u) {
      double h = bandwidth(seen);
      double sum = 1;
      for (double s : seen) {
        sum += Math.exp(-0.5 * Math.pow((u - s) / h, 2)) / (h * Math.sqrt(2 * Math.PI));
      }
      return sum / (seen.length + 1);
    }

    Object value(double u) {
      if (declared instanceof List<?> choices) {
        return space.coerce(name, choices.get(index(u, choices.size())));
      }
      return space.fromUnit(name, FamilySpace.Range.of((Map<?, ?>) declared), u);
    }

    private double position(Object value) {
      if (declared instanceof List<?> choices) {
        for (int i = 0; i < choices.size(); i++) {
          if (space.coerce(name, choices.get(i)).equals(value)) {
            return (i + 0.5) / choices.size();
          }
        }
        return 0.5;
      }
      FamilySpace.Range range = FamilySpace.Range.of((Map<?, ?>) declared);
      double v = ((Number) value).doubleValue();
      double span =
          range.log()
              ? (Math.log(v) - Math.log(range.min()))
                  / (Math.log(range.max()) - Math.log(range.min()))
              : (v - range.min()) / (range.max() - range.min());
      return Double.isFinite(span) ? Math.max(0, Math.min(1, span)) : 0.5;
    }

    /** A choice's draw lands on the centre of its cell, so densities compare like for like. */
    private double snap(double u) {
      if (declared instanceof List<?> choices) {
        return (index(u, choices.size()) + 0.5) / choices.size();
      }
      return u;
    }

    private static int index(double u, int n) {
      return Math.min(n - 1, (int) (u * n));
    }

    private static double bandwidth(double[] seen) {
      return Math.max(0.05, 1.0 / (seen.length + 1));
    }
  }
}
