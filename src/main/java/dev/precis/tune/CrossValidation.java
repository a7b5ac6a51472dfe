package dev.precis.tune;

import dev.precis.PrecisException;
import dev.precis.config.EngineConfig;
import dev.precis.config.ModelConfig.Calibration;
import dev.precis.config.PrecisConfig;
import dev.precis.config.PrepConfig.Imbalance;
import dev.precis.config.TaskType;
import dev.precis.data.DataSource;
import dev.precis.data.DataSource.Fold;
import dev.precis.data.EncodedData;
import dev.precis.data.PipelineNeeds;
import dev.precis.data.Rebalancing;
import dev.precis.data.Rebalancing.Rebalanced;
import dev.precis.data.Splits;
import dev.precis.eval.Gates;
import dev.precis.eval.Metrics;
import dev.precis.eval.UpliftScores;
import dev.precis.io.InputFile;
import dev.precis.model.CalibratedFit;
import dev.precis.model.ModelArtifact;
import dev.precis.model.ModelType;
import dev.precis.model.PriorShiftArtifact;
import dev.precis.model.Task;
import dev.precis.model.UpliftFit;
import dev.precis.model.UpliftTask;
import dev.precis.report.Reports;
import dev.precis.report.TuneReport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Scores a candidate by stratified k-fold cross-validation. Each pipeline a searched type needs
 * (scaled or raw numbers) gets folds of its own, fitted inside each fold on a raw file. A candidate
 * is fitted on a fold's training rows less a stratified validation share (prep.split.valid of the
 * rows train would fit on), which it may watch for early stopping or calibration; it is scored on
 * the fold's held-out rows, which it never sees. prep.imbalance rebalances the rows fitted on
 * alone, as train does its training part. Under task uplift the folds and shares are stratified by
 * arm and outcome together, a candidate is fitted as train fits an uplift model ({@link UpliftFit})
 * and scored by an uplift metric of its held-out rows.
 */
final class CrossValidation {
  private final PrecisConfig config;
  private final Map<PipelineNeeds, List<FoldRows>> folds;
  private final EngineConfig engine;
  private final InputFile input;
  private final long rows;

  /** A fold's rows: to fit on, to watch, to be scored on. */
  record FoldRows(EncodedData fit, EncodedData valid, EncodedData scored) {}

  /** Raised at a fold boundary when the search is told to stop. */
  static final class Cancelled extends Exception {
    Cancelled() {
      super(null, null, false, false);
    }
  }

  private CrossValidation(
      PrecisConfig config,
      Map<PipelineNeeds, List<FoldRows>> folds,
      EngineConfig engine,
      InputFile input,
      long rows) {
    this.config = config;
    this.folds = folds;
    this.engine = engine;
    this.input = input;
    this.rows = rows;
  }

  /**
   * Reads the data once for each distinct pipeline the spaces' types need and cuts its folds.
   *
   * @param engine the engine settings each trial gets
   */
  static CrossValidation of(PrecisConfig config, SearchSpace space, EngineConfig engine) {
    Map<PipelineNeeds, List<FoldRows>> folds = new HashMap<>();
    InputFile input = null;
    long rows = 0;
    for (FamilySpace family : space.families()) {
      PipelineNeeds needs = family.type().needs();
      if (!folds.containsKey(needs)) {
        DataSource source = DataSource.open(config, needs);
        List<Fold> cut = source.searchFolds(config.tune().folds(), config.seed());
        folds.put(needs, carve(cut, validShare(config), config.seed()));
        input = source.input();
        rows = cut.get(0).rows();
      }
    }
    return new CrossValidation(config, folds, engine, input, rows);
  }

  InputFile input() {
    return input;
  }

  /** Labelled rows cross-validated. */
  long rows() {
    return rows;
  }

  /**
   * The candidate's trial (rank 0).
   *
   * @param stop asked before each fold; true cancels the trial
   * @throws Cancelled when {@code stop} said so
   */
  TuneReport.Trial evaluate(Candidate candidate, BooleanSupplier stop) throws Cancelled {
    long start = System.nanoTime();
    var fitter = candidate.space().type().fitter(candidate.params());
    Task task = Task.of(config);
    List<Double> scores = new ArrayList<>();
    List<FoldRows> own = folds.get(candidate.space().type().needs());
    for (int f = 0; f < own.size(); f++) {
      if (stop.getAsBoolean()) {
        throw new Cancelled();
      }
      FoldRows fold = own.get(f);
      Imbalance imbalance = config.prep().imbalance();
      Rebalanced balanced = fitted(fold, candidate.rowShare(), imbalance, config.seed() + f);
      long seed = config.seed() + candidate.number();
      List<ModelArtifact> models =
          task instanceof UpliftTask uplift
              // train's own fit: the base family made into model.uplift's approach
              ? UpliftFit.fit(uplift, fitter, balanced.rows(), fold.valid(), engine, seed)
              : responseModels(candidate, fitter, fold, balanced, task, seed);
      double[] predicted =
          task.scorer(models, fold.scored().featureNames()).score(fold.scored().x());
      scores.add(value(predicted, fold.scored()));
    }
    double mean = scores.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    double variance =
        scores.stream().mapToDouble(s -> (s - mean) * (s - mean)).sum()
            / Math.max(1, scores.size() - 1);
    return new TuneReport.Trial(
        0,
        candidate.number(),
        candidate.family(),
        new LinkedHashMap<>(candidate.params()),
        candidate.rung(),
        candidate.budget(),
        mean,
        Math.sqrt(variance),
        scores,
        Reports.secondsSince(start));
  }

  /** A response candidate's models: fitted, shifted back from any rebalancing, calibrated. */
  private List<ModelArtifact> responseModels(
      Candidate candidate,
      ModelType.Fitter fitter,
      FoldRows fold,
      Rebalanced balanced,
      Task task,
      long seed) {
    ModelArtifact model =
        fitter.fit(balanced.rows(), balanced.watched(fold.valid()), task, engine, seed);
    Calibration method =
        CalibratedFit.method(
            config.model().calibration(), candidate.space().type(), fold.valid().rows());
    List<ModelArtifact> fitted =
        PriorShiftArtifact.following(
            model, balanced.oddsRatio(), config.prep().imbalance().correct());
    return CalibratedFit.artifacts(fitted, method, fold.valid(), task);
  }

  /**
   * tune.metric on a fold's held-out rows: a response metric of the scores, or under task uplift an
   * uplift metric of the scores with each row's arm (NaN where the fold cannot measure it).
   */
  private double value(double[] predicted, EncodedData scored) {
    String metric = config.tune().metric();
    if (config.task() == TaskType.UPLIFT) {
      Double value =
          Gates.upliftValue(metric, UpliftScores.of(predicted, scored.treated(), scored.y()));
      return value == null ? Double.NaN : value;
    }
    var metrics =
        Metrics.ifDefined(predicted, scored.y(), config.eval())
            .orElseThrow(
                () ->
                    PrecisException.data(
                        "a cross-validation fold has a single class; use fewer tune.folds"));
    return Gates.value(metric, metrics);
  }

  /**
   * The share of prep.split.valid in the rows that `train` fits on (every row but the test part),
   * so that a trial watches as large a validation part, relatively, as the model train refits.
   */
  private static double validShare(PrecisConfig config) {
    var split = config.prep().split();
    return split.valid() / (1 - split.test());
  }

  /**
   * Each fold's training rows split, stratified and seeded, into rows to fit on and {@code
   * validShare} of them to watch; the fold's held-out rows are left to score on.
   */
  static List<FoldRows> carve(List<Fold> folds, double validShare, long seed) {
    List<FoldRows> carved = new ArrayList<>();
    for (int f = 0; f < folds.size(); f++) {
      Fold fold = folds.get(f);
      // stratified by arm too under task uplift (treated() is null for a response)
      Splits parts =
          Splits.holdout(fold.train().y(), fold.train().treated(), validShare, 0, true, seed + f);
      carved.add(
          new FoldRows(
              fold.train().subset(parts.train()),
              fold.train().subset(parts.valid()),
              fold.valid()));
    }
    return carved;
  }

  /**
   * The rows a trial fits on in a fold: its share of the fold's fitting rows, rebalanced by
   * prep.imbalance. The fold's watched and scored rows stay as they are, so a trial is measured on
   * rows at the true balance.
   */
  static Rebalanced fitted(FoldRows fold, double rowShare, Imbalance imbalance, long seed) {
    return Rebalancing.apply(imbalance, share(fold.fit(), rowShare, seed), seed);
  }

  /** A stratified, seeded share of the rows; all of them for a share of 1. */
  private static EncodedData share(EncodedData rows, double share, long seed) {
    if (share >= 1) {
      return rows;
    }
    return rows.subset(Splits.holdout(rows.y(), rows.treated(), 1 - share, 0, true, seed).train());
  }
}
