package dev.precis.tune;

import dev.precis.PrecisException;
import dev.precis.config.ModelConfig.Calibration;
import dev.precis.config.PrecisConfig;
import dev.precis.data.DataSource;
import dev.precis.data.DataSource.Fold;
import dev.precis.eval.Gates;
import dev.precis.eval.Metrics;
import dev.precis.io.InputFile;
import dev.precis.model.CalibratedFit;
import dev.precis.model.ModelArtifact;
import dev.precis.model.ModelCatalog;
import dev.precis.model.ModelType;
import dev.precis.model.Task;
import dev.precis.report.ReportHeader;
import dev.precis.report.Reports;
import dev.precis.report.TuneReport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Random search with stratified k-fold cross-validation. The test part of the configured split is
 * kept out of the search; on a raw file the pipeline is fitted inside each fold, so no fold's
 * validation rows leak into its scaling or levels. Trials run in parallel; each trial's seed
 * depends only on its number, so the leaderboard does not depend on the parallelism.
 */
public final class Tuner {
  /** The leaderboard and the winning config. */
  public record Result(TuneReport report, PrecisConfig best) {}

  /** A fold's training and validation rows, encoded. */
  private Tuner() {}

  /**
   * @param onTrial told of each trial as it finishes (on a worker thread)
   */
  public static Result run(PrecisConfig config, Consumer<TuneReport.Trial> onTrial) {
    long start = System.nanoTime();
    ModelType type = ModelCatalog.type(config.model().type());
    Search search = search(config, type);
    List<Fold> folds = search.folds();
    SearchSpace space = SearchSpace.of(config);
    Random random = new Random(config.seed());
    List<Map<String, Object>> candidates = new ArrayList<>();
    for (int t = 0; t < config.tune().trials(); t++) {
      candidates.add(space.sample(config.model().params(), random));
    }
    int parallel =
        config.tune().parallel() > 0
            ? config.tune().parallel()
            : Runtime.getRuntime().availableProcessors();
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, candidates.size()));
    List<TuneReport.Trial> trials = new ArrayList<>();
    try {
      List<Future<TuneReport.Trial>> futures = new ArrayList<>();
      for (int t = 0; t < candidates.size(); t++) {
        int number = t + 1;
        Map<String, Object> params = candidates.get(t);
        futures.add(
            pool.submit(
                () -> {
                  TuneReport.Trial trial = trial(config, type, folds, number, params);
                  onTrial.accept(trial);
                  return trial;
                }));
      }
      for (Future<TuneReport.Trial> future : futures) {
        trials.add(future.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PrecisException(1, "interrupted while tuning", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException runtime
          ? runtime
          : new PrecisException(1, "a trial failed: " + e.getCause(), e);
    } finally {
      pool.shutdownNow();
    }
    List<TuneReport.Trial> ranked = rank(trials);
    PrecisConfig best = config.withModel(config.model().with(type.name(), ranked.get(0).params()));
    Map<String, Double> timings = new LinkedHashMap<>();
    timings.put("total", Reports.secondsSince(start));
    TuneReport report =
        new TuneReport(
            ReportHeader.now(TuneReport.SCHEMA),
            search.input(),
            config.seed(),
            type.name(),
            config.tune().metric(),
            config.tune().folds(),
            folds.get(0).rows(),
            ranked,
            config,
            timings);
    return new Result(report, best);
  }

  /** The folds to search, and the input they were cut from. */
  private record Search(List<Fold> folds, InputFile input) {}

  /**
   * Cuts the folds in a frame of its own, so that the raw table behind the data source is garbage
   * while the trials run: on a large file it is as large as the encoded folds.
   */
  private static Search search(PrecisConfig config, ModelType type) {
    DataSource source = DataSource.open(config, type.needs());
    return new Search(source.searchFolds(config.tune().folds(), config.seed()), source.input());
  }

  private static TuneReport.Trial trial(
      PrecisConfig config,
      ModelType type,
      List<Fold> folds,
      int number,
      Map<String, Object> params) {
    long start = System.nanoTime();
    ModelType.Fitter fitter = type.fitter(params);
    Task task = Task.of(config);
    List<Double> scores = new ArrayList<>();
    for (Fold fold : folds) {
      ModelArtifact model =
          fitter.fit(fold.train(), fold.valid(), task, config.engine(), config.seed() + number);
      Calibration method =
          CalibratedFit.method(config.model().calibration(), type, fold.valid().rows());
      List<ModelArtifact> models = CalibratedFit.artifacts(model, method, fold.valid(), task);
      double[] predicted = task.scorer(models, fold.train().featureNames()).score(fold.valid().x());
      var metrics =
          Metrics.ifDefined(predicted, fold.valid().y(), config.eval())
              .orElseThrow(
                  () ->
                      PrecisException.data(
                          "a cross-validation fold has a single class; use fewer tune.folds"));
      scores.add(Gates.value(config.tune().metric(), metrics));
    }
    double mean = scores.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    double variance =
        scores.stream().mapToDouble(s -> (s - mean) * (s - mean)).sum()
            / Math.max(1, scores.size() - 1);
    return new TuneReport.Trial(
        0, number, params, mean, Math.sqrt(variance), scores, Reports.secondsSince(start));
  }

  private static List<TuneReport.Trial> rank(List<TuneReport.Trial> trials) {
    List<TuneReport.Trial> sorted = new ArrayList<>(trials);
    sorted.sort(
        Comparator.comparingDouble(TuneReport.Trial::mean)
            .reversed()
            .thenComparingInt(TuneReport.Trial::trial));
    List<TuneReport.Trial> ranked = new ArrayList<>();
    for (int i = 0; i < sorted.size(); i++) {
      TuneReport.Trial t = sorted.get(i);
      ranked.add(
          new TuneReport.Trial(
              i + 1, t.trial(), t.params(), t.mean(), t.std(), t.folds(), t.seconds()));
    }
    return ranked;
  }
}
