package dev.precis.train;

import dev.precis.Version;
import dev.precis.config.ModelConfig.Calibration;
import dev.precis.config.PrecisConfig;
import dev.precis.config.PrepConfig.Imbalance;
import dev.precis.config.TaskType;
import dev.precis.data.DataSource;
import dev.precis.data.EncodedData;
import dev.precis.data.FeatureDistributions;
import dev.precis.data.PreparedData;
import dev.precis.data.PreparedDirectory;
import dev.precis.data.Rebalancing;
import dev.precis.data.Rebalancing.Rebalanced;
import dev.precis.eval.BinaryMetrics;
import dev.precis.eval.CalibrationTable;
import dev.precis.eval.Metrics;
import dev.precis.eval.RocCurve;
import dev.precis.io.InputFile;
import dev.precis.model.CalibratedFit;
import dev.precis.model.Manifest;
import dev.precis.model.ModelArtifact;
import dev.precis.model.ModelBundle;
import dev.precis.model.ModelCatalog;
import dev.precis.model.ModelType;
import dev.precis.model.PriorShiftArtifact;
import dev.precis.model.ScoreBins;
import dev.precis.model.Scorer;
import dev.precis.model.Task;
import dev.precis.report.BalanceSummary;
import dev.precis.report.CalibrationSummary;
import dev.precis.report.FamilyImportance;
import dev.precis.report.ImportanceSummary;
import dev.precis.report.PartCurves;
import dev.precis.report.PrepReport.PartSummary;
import dev.precis.report.ReportHeader;
import dev.precis.report.Reports;
import dev.precis.report.TrainReport;
import dev.precis.report.TrainingImportance;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Fits a model on a raw file (preparing it in memory) or on a directory written by `prep`, and
 * measures it on every part of the split.
 */
public final class ModelTraining {
  /** Bins of the training score distribution that scored rows are placed in (deciles). */
  public static final int SCORE_BINS = 10;

  /** The trained bundle and its report. */
  public record Result(ModelBundle bundle, TrainReport report) {}

  /**
   * The bundle of a fitted task: its manifest (made now), the resolved config, the pipeline, the
   * training scores' bins, the features' training distributions and the columns' importance.
   *
   * @param trainScores the bundle's scores of the training rows, whose bins predict reports
   * @param importance the columns' importance as measured here; null when none was measured
   */
  static ModelBundle bundle(
      PrecisConfig resolved,
      Task task,
      InputFile input,
      PreparedData data,
      double[] trainScores,
      Map<String, Double> timings,
      TrainingImportance importance,
      List<ModelArtifact> models) {
    Manifest manifest =
        new Manifest(
            Manifest.SCHEMA,
            Version.precis(),
            Version.tribuo(),
            resolved.model().type(),
            task,
            Reports.now(),
            input,
            InputFile.sha256(ModelBundle.configText(resolved)),
            resolved.seed(),
            data.pipeline().featureCount(),
            timings,
            List.of());
    return ModelBundle.of(
        manifest,
        resolved,
        data.pipeline(),
        ScoreBins.fromScores(trainScores, SCORE_BINS),
        FeatureDistributions.of(data.pipeline(), data.train()),
        importance == null ? null : importance.toJson(),
        models);
  }

  private ModelTraining() {}

  /**
   * @param config complete (see {@link ModelCatalog#complete})
   * @param modelPath where the bundle will be written, for the report
   */
  public static Result train(PrecisConfig config, Path modelPath) {
    if (config.task() == TaskType.UPLIFT) {
      return UpliftTraining.train(config, modelPath);
    }
    Map<String, Double> timings = new LinkedHashMap<>();
    long start = System.nanoTime();
    ModelType type = ModelCatalog.type(config.model().type());
    type.checkDevice(config.engine());
    // the parameters are bound before the data is read, and outside the fit's timing
    ModelType.Fitter fitter = type.fitter(config.model().params());
    Split split = split(config, type);
    PreparedData data = split.data();
    InputFile input = split.input();
    List<String> warnings = split.warnings();
    PrecisConfig resolved = config.withData(config.data().withPositive(data.pipeline().positive()));
    timings.put("prepare", Reports.secondsSince(start));
    timings.put("features", split.featureSeconds());

    Task task = Task.of(resolved);
    Calibration setting = resolved.model().calibration();
    Calibration method = CalibratedFit.method(setting, type, data.valid().rows());
    long fitStart = System.nanoTime();
    Imbalance imbalance = resolved.prep().imbalance();
    Rebalanced balanced = Rebalancing.apply(imbalance, data.train(), resolved.seed());
    ModelArtifact model =
        fitter.fit(
            balanced.rows(),
            balanced.watched(data.valid()),
            task,
            resolved.engine(),
            resolved.seed());
    List<ModelArtifact> fitted =
        PriorShiftArtifact.following(model, balanced.oddsRatio(), imbalance.correct());
    List<ModelArtifact> models = CalibratedFit.artifacts(fitted, method, data.valid(), task);
    timings.put("fit", Reports.secondsSince(fitStart));

    long scoreStart = System.nanoTime();
    Scorer scorer = task.scorer(models, data.pipeline().featureNames());
    Map<String, BinaryMetrics> metrics = new LinkedHashMap<>();
    Map<String, PartSummary> splits = new LinkedHashMap<>();
    double[] trainScores = measure("train", data.train(), scorer, resolved, metrics, splits);
    double[] validScores = measure("valid", data.valid(), scorer, resolved, metrics, splits);
    measure("test", data.test(), scorer, resolved, metrics, splits);
    CalibrationSummary calibration = calibration(setting, method, fitted, validScores, data, task);
    timings.put("score", Reports.secondsSince(scoreStart));

    long importanceStart = System.nanoTime();
    ImportanceSummary importance =
        PermutationImportance.measure(
            scorer,
            data.pipeline(),
            data.valid(),
            data.train(),
            resolved.seed(),
            resolved.engine().effectiveThreads());
    FamilyImportance modelImportance =
        ModelImportance.of(model, data.pipeline(), data.valid(), data.train(), resolved.seed())
            .orElse(null);
    timings.put("importance", Reports.secondsSince(importanceStart));
    timings.put("total", Reports.secondsSince(start));

    ModelBundle bundle =
        bundle(
            resolved,
            task,
            input,
            data,
            trainScores,
            timings,
            TrainingImportance.of(importance, modelImportance),
            models);
    TrainReport report =
        new TrainReport(
            new ReportHeader(TrainReport.SCHEMA, Version.precis(), bundle.manifest().createdAt()),
            input,
            modelPath.toString(),
            resolved.seed(),
            resolved.model().type(),
            data.pipeline().featureCount(),
            model.fitSummary(),
            calibration,
            warnings,
            splits,
            BalanceSummary.of(imbalance, data.train(), balanced),
            metrics,
            importance,
            modelImportance,
            TopTerms.of(model, data.pipeline()),
            resolved,
            timings,
            curves(metrics, validScores, data.valid(), trainScores, data.train()),
            null);
    return new Result(bundle, report);
  }

  /**
   * Fits the config on every training row, the validation part included, as tune's --refit does. A
   * family that stops early first fits the configured split to learn the rounds or epochs to keep,
   * then fits that budget on all the rows. The configured split is kept when the rows are a prep
   * directory (its parts are fixed) or when a calibrator is to be fitted on the validation rows. An
   * uplift model is never calibrated; one that stops early keeps the split too, as each of its base
   * models learns a budget of its own.
   *
   * @param config complete (see {@link ModelCatalog#complete})
   */
  public static Result trainOnAllRows(PrecisConfig config, Path modelPath) {
    ModelType type = ModelCatalog.type(config.model().type());
    boolean uplift = config.task() == TaskType.UPLIFT;
    if ((uplift
            ? type.stopsEarly(config.model().params())
            : CalibratedFit.wanted(config.model().calibration(), type))
        || config.prep().split().valid() == 0
        || PreparedDirectory.isPrepared(Path.of(config.data().path()))) {
      return train(config, modelPath);
    }
    Map<String, Object> params = config.model().params();
    if (type.stopsEarly(params)) {
      params = type.withoutValidation(params, train(config, modelPath).report().fit());
    }
    PrecisConfig all =
        config
            .withPrep(config.prep().withoutValidation())
            .withModel(config.model().with(type.name(), params));
    return train(all, modelPath);
  }

  /**
   * The encoded split, with what the report says of the input it came from.
   *
   * @param featureSeconds the part of preparing spent fitting the pipeline and encoding the rows,
   *     not reading them: what a peer's vectoriser timing covers
   */
  private record Split(
      PreparedData data, InputFile input, List<String> warnings, double featureSeconds) {}

  /**
   * Reads the split in a frame of its own, so that the raw table behind the data source is garbage
   * by the time the model is fitted: on a million rows it is as large as the encoded rows.
   */
  private static Split split(PrecisConfig config, ModelType type) {
    DataSource source = DataSource.open(config, type.needs());
    long start = System.nanoTime();
    PreparedData data = source.split();
    return new Split(data, source.input(), source.warnings(), Reports.secondsSince(start));
  }

  /** The calibration's effect on the validation rows it was fitted on. */
  private static CalibrationSummary calibration(
      Calibration setting,
      Calibration method,
      List<ModelArtifact> fitted,
      double[] calibrated,
      PreparedData data,
      Task task) {
    String configured = setting.name().toLowerCase(Locale.ROOT);
    if (method == Calibration.NONE) {
      return CalibrationSummary.none(configured);
    }
    EncodedData valid = data.valid();
    double[] raw = task.scorer(fitted, valid.featureNames()).score(valid.x());
    return new CalibrationSummary(
        configured,
        method.name().toLowerCase(Locale.ROOT),
        valid.rows(),
        CalibrationSummary.Quality.of(raw, valid.y()),
        CalibrationSummary.Quality.of(calibrated, valid.y()));
  }

  /**
   * The curves of the validation rows, or of the training rows when there are none, from the scores
   * already measured: nothing is scored again.
   */
  private static PartCurves curves(
      Map<String, BinaryMetrics> metrics,
      double[] validScores,
      EncodedData valid,
      double[] trainScores,
      EncodedData train) {
    String part = valid.rows() > 0 ? "valid" : "train";
    if (!metrics.containsKey(part)) {
      return null;
    }
    double[] scores = part.equals("valid") ? validScores : trainScores;
    boolean[] labels = part.equals("valid") ? valid.y() : train.y();
    return new PartCurves(
        part, RocCurve.of(scores, labels, RocCurve.POINTS), CalibrationTable.of(scores, labels));
  }

  private static double[] measure(
      String name,
      EncodedData part,
      Scorer scorer,
      PrecisConfig config,
      Map<String, BinaryMetrics> metrics,
      Map<String, PartSummary> splits) {
    if (part.rows() == 0) {
      return new double[0];
    }
    double[] scores = scorer.score(part.x());
    splits.put(name, PartSummary.of(part.y()));
    Metrics.ifDefined(scores, part.y(), config.eval()).ifPresent(m -> metrics.put(name, m));
    return scores;
  }
}
