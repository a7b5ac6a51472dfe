package dev.precis.tune;

import dev.precis.config.PrecisConfig;
import dev.precis.config.TuneConfig;
import dev.precis.model.ModelCatalog;
import dev.precis.report.ReportHeader;
import dev.precis.report.Reports;
import dev.precis.report.TuneReport;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Searches model types and their parameters by stratified k-fold cross-validation, with the
 * strategy tune.strategy names, ranked by tune.metric (under task uplift an uplift metric of the
 * approach model.uplift names, which the search keeps). The test part of the configured split is
 * kept out of the search. Every candidate and every trial's seed follow from the config's seed and
 * the trial's number, so the leaderboard depends neither on the parallelism nor on whether the
 * search was resumed.
 */
public final class Tuner {
  /** The leaderboard and the winning config. */
  public record Result(TuneReport report, PrecisConfig best) {}

  /** What a search has done so far, as a progress line shows it. */
  public record Progress(
      int done, int planned, TuneReport.Trial best, double elapsedSeconds, double etaSeconds) {}

  private Tuner() {}

  /**
   * @param config complete (see {@link dev.precis.model.ModelCatalog#complete})
   * @param journalDir where trials.jsonl is kept
   * @param resume take the finished trials of the journal there
   * @param onProgress told after each trial (on a worker thread)
   */
  public static Result run(
      PrecisConfig config, Path journalDir, boolean resume, Consumer<Progress> onProgress) {
    long start = System.nanoTime();
    SearchSpace space = SearchSpace.of(config);
    SearchSpace.models(config).forEach(t -> ModelCatalog.type(t).checkDevice(config.engine()));
    TuneReport.Parallelism parallelism = Parallelism.of(config);
    CrossValidation validation = CrossValidation.of(config, space, Parallelism.trialEngine(config));
    Journal journal = Journal.open(journalDir, resume, config, validation.input());
    List<TuneReport.Trial> trials;
    int planned;
    boolean outOfTime;
    int resumed;
    try (TrialRunner runner =
        new TrialRunner(
            validation, journal, parallelism.trials(), config.tune().budget(), onProgress)) {
      trials = search(config, space, runner);
      planned = runner.planned();
      outOfTime = runner.outOfTime();
      resumed = runner.resumed();
    }
    List<TuneReport.Trial> ranked = Ranking.rank(trials);
    TuneReport.Trial top = ranked.get(0);
    PrecisConfig best =
        SearchSpace.explicit(config).withModel(config.model().with(top.family(), top.params()));
    Map<String, Double> timings = new LinkedHashMap<>();
    timings.put("total", Reports.secondsSince(start));
    TuneReport report =
        new TuneReport(
            ReportHeader.now(TuneReport.SCHEMA),
            validation.input(),
            config.seed(),
            config.tune().strategy().name().toLowerCase(java.util.Locale.ROOT),
            SearchSpace.models(config),
            space.searched(config.tune().strategy()),
            config.tune().metric(),
            config.tune().folds(),
            validation.rows(),
            parallelism,
            new TuneReport.Stop(
                outOfTime ? TuneReport.Stop.TIME_BUDGET : TuneReport.Stop.FINISHED,
                ranked.size(),
                planned,
                resumed),
            ranked,
            config,
            timings);
    return new Result(report, best);
  }

  private static List<TuneReport.Trial> search(
      PrecisConfig config, SearchSpace space, TrialRunner runner) {
    TuneConfig tune = config.tune();
    Random random = new Random(config.seed());
    return switch (tune.strategy()) {
      case GRID -> planned(runner, Candidates.grid(space.families()));
      case RANDOM -> planned(runner, Candidates.random(space.families(), tune.trials(), random));
      case HALVING -> {
        Halving halving = new Halving(space.families(), tune.trials(), tune.eta());
        runner.plan(halving.planned());
        yield halving.run(runner, random);
      }
      case TPE -> new Tpe(space.families(), tune.trials()).run(runner, random);
    };
  }

  private static List<TuneReport.Trial> planned(TrialRunner runner, List<Candidate> candidates) {
    runner.plan(candidates.size());
    return runner.run(candidates);
  }
}
