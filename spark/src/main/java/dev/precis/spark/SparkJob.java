package dev.precis.spark;

import dev.precis.PrecisException;
import dev.precis.config.ConfigLoader;
import dev.precis.config.ConfigOverride;
import dev.precis.config.PrecisConfig;
import dev.precis.config.PredictConfig;
import dev.precis.eval.Gates;
import dev.precis.model.ModelBundle;
import dev.precis.model.ModelCatalog;
import dev.precis.model.RowScorer;
import dev.precis.model.UpliftTask;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * What both jobs start with: the bundle read once on the driver and broadcast as bytes, and the
 * data as text rows under the schema the bundle's settings give.
 */
final class SparkJob {
  final SparkSession spark;
  final String model;
  final String data;
  final String modelSha256;
  final ModelBundle bundle;
  private final PrecisConfig config;
  final SharedBundle shared;
  final InputTable input;

  /**
   * @param overrides --set's assignments over the bundle's config: its eval settings (gates, bins),
   *     as precis eval reads them
   */
  SparkJob(SparkSession spark, String model, String data, List<ConfigOverride> overrides) {
    this.spark = spark;
    this.model = model;
    this.data = data;
    byte[] bytes = SparkFiles.read(model, hadoop(), "--model");
    this.modelSha256 = dev.precis.io.InputFile.sha256(bytes);
    this.bundle = ModelBundle.read(new java.io.ByteArrayInputStream(bytes), model);
    if (bundle.manifest().task() instanceof UpliftTask) {
      // its output has each arm's probability and its eval the Qini curve, neither built here
      throw PrecisException.usage(
          model
              + ": an uplift model (task: uplift) is scored and evaluated by precis predict and"
              + " precis eval; precis-spark runs response models");
    }
    this.config =
        overrides.isEmpty()
            ? bundle.config()
            : new ConfigLoader(resolved -> Gates.validate(ModelCatalog.complete(resolved)))
                .loadOver(bundle.config(), null, overrides);
    this.shared =
        new SharedBundle(
            JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(bytes), model);
    this.input = InputTable.read(spark, data, config.data());
  }

  /**
   * Checks on the driver, before any task runs, that the data has the columns the bundle reads (and
   * the target, for eval), so that a wrong file is one usage or data error, not a failed job.
   */
  void checkColumns(boolean labels) {
    new RowScorer(
        bundle,
        input.columns(),
        new RowScorer.Options(java.nio.file.Path.of(data), false, !labels, labels, true));
  }

  Configuration hadoop() {
    return spark.sparkContext().hadoopConfiguration();
  }

  PrecisConfig config() {
    return config;
  }

  /** A new accumulator of the partitions' counts, registered with the session. */
  TallyAccumulator counts(String name) {
    TallyAccumulator counts = new TallyAccumulator();
    spark.sparkContext().register(counts, name);
    return counts;
  }

  /**
   * Refuses what a job of independent partitions cannot do as precis does: a selection over the
   * whole file, and per-row reasons.
   */
  void checkSelection() {
    PredictConfig predict = config().predict();
    String key =
        predict.topPercent() != null
            ? "predict.top_percent"
            : predict.budget()
                ? "predict.budget"
                : predict.threshold() != null
                    ? "predict.threshold"
                    : predict.explain() > 0 ? "predict.explain" : null;
    if (key != null) {
      throw PrecisException.usage(
          model
              + ": the bundle sets "
              + key
              + ", which precis-spark does not apply; select from the scores it writes, or use"
              + " precis predict");
    }
  }
}
