package dev.precis.train;

import dev.precis.PrecisException;
import dev.precis.Version;
import dev.precis.config.PrecisConfig;
import dev.precis.config.PrepConfig.Imbalance;
import dev.precis.data.DataSource;
import dev.precis.data.EncodedData;
import dev.precis.data.Experiment;
import dev.precis.data.Preparation;
import dev.precis.data.PreparedData;
import dev.precis.data.Rebalancing;
import dev.precis.io.InputFile;
import dev.precis.model.ModelArtifact;
import dev.precis.model.ModelBundle;
import dev.precis.model.ModelCatalog;
import dev.precis.model.ModelType;
import dev.precis.model.UpliftFit;
import dev.precis.model.UpliftScorer;
import dev.precis.model.UpliftTask;
import dev.precis.report.BalanceSummary;
import dev.precis.report.CalibrationSummary;
import dev.precis.report.ImportanceSummary;
import dev.precis.report.PrepReport.PartSummary;
import dev.precis.report.ReportHeader;
import dev.precis.report.Reports;
import dev.precis.report.TrainReport;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fits an uplift model (task uplift) on a raw file of an experiment: the base family of model.type
 * made into model.uplift's approach, with the experiment's figures (arms, raw uplift, randomisation
 * check) in the report. Its held-out uplift metrics (Qini, uplift@k) are eval's.
 */
final class UpliftTraining {
  private UpliftTraining() {}

  /**
   * @param config complete, task uplift
   * @throws PrecisException (usage) for a `prep` directory, whose parts keep no arm
   */
  static ModelTraining.Result train(PrecisConfig config, Path modelPath) {
    Map<String, Double> timings = new LinkedHashMap<>();
    long start = System.nanoTime();
    ModelType type = ModelCatalog.type(config.model().type());
    type.checkDevice(config.engine());
    ModelType.Fitter fitter = type.fitter(config.model().params());
    DataSource.requireArms(config);
    Preparation prep = Preparation.run(config, type.needs());
    PreparedData data = prep.data();
    Experiment experiment = Experiment.of(prep, config);
    InputFile input = prep.table().input();
    PrecisConfig resolved = config.withData(config.data().withPositive(data.pipeline().positive()));
    UpliftTask task = (UpliftTask) dev.precis.model.Task.of(resolved);
    timings.put("prepare", Reports.secondsSince(start));

    long fitStart = System.nanoTime();
    List<ModelArtifact> models =
        UpliftFit.fit(task, fitter, data.train(), data.valid(), resolved.engine(), resolved.seed());
    timings.put("fit", Reports.secondsSince(fitStart));

    UpliftScorer scorer = task.scorer(models, data.pipeline().featureNames());
    double[] trainScores = scorer.score(data.train().x());
    Map<String, PartSummary> splits = new LinkedHashMap<>();
    splits.put("train", PartSummary.of(data.train().y()));
    putIfAny(splits, "valid", data.valid());
    putIfAny(splits, "test", data.test());
    timings.put("total", Reports.secondsSince(start));

    ModelBundle bundle =
        ModelTraining.bundle(resolved, task, input, data, trainScores, timings, null, models);
    Imbalance none = resolved.prep().imbalance();
    TrainReport report =
        new TrainReport(
            new ReportHeader(TrainReport.SCHEMA, Version.precis(), bundle.manifest().createdAt()),
            input,
            modelPath.toString(),
            resolved.seed(),
            resolved.model().type(),
            data.pipeline().featureCount(),
            fitSummary(models),
            CalibrationSummary.none("none"),
            prep.schema().warnings(),
            splits,
            BalanceSummary.of(
                none, data.train(), Rebalancing.apply(none, data.train(), resolved.seed())),
            Map.of(),
            new ImportanceSummary(
                "permutation",
                "auc",
                "valid",
                0,
                0,
                null,
                "permutation importance measures a response's AUC; an uplift model's is not"
                    + " measured",
                List.of()),
            null,
            List.of(),
            resolved,
            timings,
            null,
            experiment);
    return new ModelTraining.Result(bundle, report);
  }

  /** Each model's fit summary, under its name in the bundle. */
  private static Map<String, Object> fitSummary(List<ModelArtifact> models) {
    Map<String, Object> fit = new LinkedHashMap<>();
    for (ModelArtifact model : models) {
      if (!model.fitSummary().isEmpty()) {
        fit.put(model.name(), model.fitSummary());
      }
    }
    return fit;
  }

  private static void putIfAny(Map<String, PartSummary> splits, String name, EncodedData part) {
    if (part.rows() > 0) {
      splits.put(name, PartSummary.of(part.y()));
    }
  }
}
