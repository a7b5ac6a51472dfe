package dev.precis.train;

import dev.precis.PrecisException;
import dev.precis.Version;
import dev.precis.config.PrecisConfig;
import dev.precis.data.EncodedData;
import dev.precis.data.Preparation;
import dev.precis.data.PreparedData;
import dev.precis.data.PreparedDirectory;
import dev.precis.eval.BinaryMetrics;
import dev.precis.eval.Metrics;
import dev.precis.io.InputFile;
import dev.precis.model.Manifest;
import dev.precis.model.ModelBundle;
import dev.precis.model.ModelCatalog;
import dev.precis.model.ScoreBins;
import dev.precis.model.Scorer;
import dev.precis.model.Scorers;
import dev.precis.report.PrepReport.PartSummary;
import dev.precis.report.Reports;
import dev.precis.report.TrainReport;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * Fits a model on a raw file (preparing it in memory) or on a directory written by `prep`, and
 * measures it on every part of the split.
 */
public final class ModelTraining {
  /** Bins of the training score distribution that scored rows are placed in (deciles). */
  public static final int SCORE_BINS = 10;

  /** The trained bundle and its report. */
  public record Result(ModelBundle bundle, TrainReport report) {}

  private ModelTraining() {}

  /**
   * @param config complete (see {@link ModelCatalog#complete})
   * @param modelPath where the bundle will be written, for the report
   */
  public static Result train(PrecisConfig config, Path modelPath) {
    Map<String, Double> timings = new LinkedHashMap<>();
    long start = System.nanoTime();
    if (config.data().path() == null) {
      throw PrecisException.usage(
          "no data: pass --data FILE (or a directory written by `precis prep`), or set data.path");
    }
    Path dataPath = Path.of(config.data().path());
    PreparedData data;
    InputFile input;
    List<String> warnings = List.of();
    if (PreparedDirectory.isPrepared(dataPath)) {
      data = PreparedDirectory.read(dataPath);
      input = InputFile.of(dataPath);
    } else {
      Preparation preparation = Preparation.run(config);
      data = preparation.data();
      input = preparation.table().input();
      warnings = preparation.schema().warnings();
    }
    PrecisConfig resolved = config.withData(config.data().withPositive(data.pipeline().positive()));
    timings.put("prepare", Reports.secondsSince(start));

    long fitStart = System.nanoTime();
    Model<Label> model =
        ModelCatalog.type(resolved.model().type())
            .factory()
            .get()
            .fit(data.train(), resolved.model().params(), resolved.seed(), resolved.engine());
    timings.put("fit", Reports.secondsSince(fitStart));

    long scoreStart = System.nanoTime();
    Scorer scorer = Scorers.forModel(model, data.pipeline().featureNames());
    Map<String, BinaryMetrics> metrics = new LinkedHashMap<>();
    Map<String, PartSummary> splits = new LinkedHashMap<>();
    double[] trainScores = measure("train", data.train(), scorer, resolved, metrics, splits);
    measure("valid", data.valid(), scorer, resolved, metrics, splits);
    measure("test", data.test(), scorer, resolved, metrics, splits);
    timings.put("score", Reports.secondsSince(scoreStart));
    timings.put("total", Reports.secondsSince(start));

    int features = data.pipeline().featureNames().size();
    Manifest manifest =
        new Manifest(
            Manifest.SCHEMA,
            Version.precis(),
            Version.tribuo(),
            resolved.model().type(),
            Reports.now(),
            input,
            InputFile.sha256(ModelBundle.configText(resolved)),
            resolved.seed(),
            features,
            timings);
    ModelBundle bundle =
        new ModelBundle(
            manifest,
            resolved,
            data.pipeline(),
            ScoreBins.fromScores(trainScores, SCORE_BINS),
            model);
    TrainReport report =
        new TrainReport(
            TrainReport.SCHEMA,
            Version.precis(),
            manifest.createdAt(),
            input,
            modelPath.toString(),
            resolved.seed(),
            resolved.model().type(),
            features,
            warnings,
            splits,
            metrics,
            resolved,
            timings);
    return new Result(bundle, report);
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
