package dev.precis.tune;

import dev.precis.PrecisException;
import dev.precis.Version;
import dev.precis.config.ModelConfig;
import dev.precis.config.PrecisConfig;
import dev.precis.data.EncodedData;
import dev.precis.data.Preparation;
import dev.precis.data.PreparedData;
import dev.precis.data.PreparedDirectory;
import dev.precis.data.Splits;
import dev.precis.eval.Gates;
import dev.precis.eval.Metrics;
import dev.precis.io.InputFile;
import dev.precis.model.ModelCatalog;
import dev.precis.model.ModelType;
import dev.precis.model.Scorers;
import dev.precis.report.Reports;
import dev.precis.report.TuneReport;
import java.nio.file.Path;
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
  private record Fold(EncodedData train, EncodedData valid) {
    int rows() {
      return train.rows() + valid.rows();
    }
  }

  /** The folds, and the input they were cut from as read (once: it may be standard input). */
  private record Folds(InputFile input, List<Fold> folds) {}

  private Tuner() {}

  /**
   * @param onTrial told of each trial as it finishes (on a worker thread)
   */
  public static Result run(PrecisConfig config, Consumer<TuneReport.Trial> onTrial) {
    long start = System.nanoTime();
    Path dataPath = dataPath(config);
    Folds data = folds(config, dataPath);
    List<Fold> folds = data.folds();
    SearchSpace space = SearchSpace.of(config);
    ModelType type = ModelCatalog.type(config.model().type());
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
    PrecisConfig best = config.withModel(new ModelConfig(type.name(), ranked.get(0).params()));
    Map<String, Double> timings = new LinkedHashMap<>();
    timings.put("total", Reports.secondsSince(start));
    TuneReport report =
        new TuneReport(
            TuneReport.SCHEMA,
            Version.precis(),
            Reports.now(),
            data.input(),
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

  private static Path dataPath(PrecisConfig config) {
    if (config.data().path() == null) {
      throw PrecisException.usage("no data: pass --data FILE or set data.path in the config");
    }
    return Path.of(config.data().path());
  }

  private static Folds folds(PrecisConfig config, Path dataPath) {
    int k = config.tune().folds();
    List<Fold> folds = new ArrayList<>();
    if (PreparedDirectory.isPrepared(dataPath)) {
      PreparedData prepared = PreparedDirectory.read(dataPath);
      // The rows a raw file searches: all but test. prep fitted the pipeline on train.csv, so a
      // fold that validates on train.csv rows had them in its scaling and levels: a slight leak,
      // known and kept, that a raw file avoids by fitting inside each fold.
      EncodedData all = prepared.train().concat(prepared.valid());
      checkFoldsHaveBothClasses(dataPath, all.y(), k);
      int[][] validFolds = Splits.folds(all.y(), k, config.seed());
      for (int[] valid : validFolds) {
        folds.add(new Fold(all.subset(Splits.complement(all.rows(), valid)), all.subset(valid)));
      }
      return new Folds(InputFile.of(dataPath), folds);
    }
    Preparation.Source source = Preparation.Source.read(config);
    int[] searchable = Splits.complement(source.target().rows().length, source.splits().test());
    boolean[] labels = new boolean[searchable.length];
    for (int i = 0; i < searchable.length; i++) {
      labels[i] = source.target().labels()[searchable[i]];
    }
    checkFoldsHaveBothClasses(dataPath, labels, k);
    for (int[] valid : Splits.folds(labels, k, config.seed())) {
      int[] train = Splits.complement(searchable.length, valid);
      EncodedData[] encoded =
          source.fitAndEncode(
              pick(searchable, train), pick(searchable, train), pick(searchable, valid));
      folds.add(new Fold(encoded[0], encoded[1]));
    }
    return new Folds(source.table().input(), folds);
  }

  /**
   * A data error unless every stratified fold can hold a responder and a non-responder, which takes
   * at least as many of each as there are folds.
   */
  private static void checkFoldsHaveBothClasses(Path dataPath, boolean[] labels, int k) {
    long positives = 0;
    for (boolean label : labels) {
      if (label) {
        positives++;
      }
    }
    long negatives = labels.length - positives;
    if (Math.min(positives, negatives) < k) {
      throw PrecisException.data(
          String.format(
              java.util.Locale.ROOT,
              "%s: %d cross-validation folds need at least %d responders and %d non-responders"
                  + " among the rows tune searches, so that every fold has both; it has %d and %d:"
                  + " use fewer tune.folds or give more labelled rows",
              dataPath,
              k,
              k,
              k,
              positives,
              negatives));
    }
  }

  private static int[] pick(int[] values, int[] indices) {
    int[] out = new int[indices.length];
    for (int i = 0; i < indices.length; i++) {
      out[i] = values[indices[i]];
    }
    return out;
  }

  private static TuneReport.Trial trial(
      PrecisConfig config,
      ModelType type,
      List<Fold> folds,
      int number,
      Map<String, Object> params) {
    long start = System.nanoTime();
    List<Double> scores = new ArrayList<>();
    for (Fold fold : folds) {
      var model =
          type.factory().get().fit(fold.train(), params, config.seed() + number, config.engine());
      double[] predicted =
          Scorers.forModel(model, fold.train().featureNames()).score(fold.valid().x());
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
