package dev.precis.data;

import dev.precis.config.PrecisConfig;
import dev.precis.config.TaskType;
import java.util.ArrayList;
import java.util.List;

/**
 * Raw file to {@link PreparedData}: read, infer the schema, read the target, split, fit the
 * pipeline on the training part and encode every part. What `prep` writes out and what `train` does
 * in memory when given a raw file.
 *
 * @param table the raw rows
 * @param schema the feature columns, and what the user should hear about the columns
 * @param target the response
 * @param splits row assignment (indices into the target's labelled rows)
 * @param data the encoded result
 */
public record Preparation(
    CsvTable table, Schema schema, Target target, Splits splits, PreparedData data) {

  /**
   * A raw file read and understood, before anything is fitted.
   *
   * @param splits the configured holdout split, in indices of the target's labelled rows
   * @param needs what the model family to be fitted needs from the pipeline
   */
  public record Source(
      PrecisConfig config,
      CsvTable table,
      Schema schema,
      Target target,
      Splits splits,
      PipelineNeeds needs) {

    public static Source read(PrecisConfig config, PipelineNeeds needs) {
      var dataConfig = config.data();
      if (dataConfig.path() == null) {
        throw dev.precis.PrecisException.usage(
            "no data: pass --data FILE or set data.path in the config");
      }
      CsvTable raw = CsvTable.read(java.nio.file.Path.of(dataConfig.path()), dataConfig);
      MissingValues missing = new MissingValues(config.prep().missing().tokens());
      // nothing after this line sees a personal value (data.pii, or found undeclared)
      PersonalData.Screened screened = PersonalData.screen(raw, dataConfig, missing);
      CsvTable table = screened.table();
      // the arm is what the model contrasts, never a feature of the customer
      List<String> leftOut = new ArrayList<>(screened.leftOut());
      if (dataConfig.treatment() != null) {
        table.indexOf(dataConfig.treatment(), "data.treatment");
        leftOut.add(dataConfig.treatment());
      }
      Schema inferred =
          SchemaInference.infer(
              table, dataConfig.withDrop(leftOut), missing, config.prep().dates());
      List<String> warnings = new ArrayList<>(screened.warnings());
      warnings.addAll(inferred.warnings());
      Schema schema =
          new Schema(
              inferred.features(),
              inferred.empty(),
              inferred.identifiers(),
              inferred.reasons(),
              warnings);
      Target target = Target.read(table, dataConfig.target(), dataConfig.positive(), missing);
      var split = config.prep().split();
      Splits splits;
      if (config.task() == TaskType.UPLIFT) {
        target = Arms.select(table, target, dataConfig, missing);
        splits =
            Splits.holdout(
                target.labels(),
                target.treated(),
                split.valid(),
                split.test(),
                split.stratify(),
                config.seed());
      } else {
        splits =
            Splits.holdout(
                target.labels(), split.valid(), split.test(), split.stratify(), config.seed());
      }
      return new Source(config, table, schema, target, splits, needs);
    }

    /**
     * Fits the pipeline on {@code fitOn} (labelled-row indices) and encodes {@code parts} with it.
     */
    public EncodedData[] fitAndEncode(int[] fitOn, int[]... parts) {
      FeaturePipeline pipeline = fit(fitOn);
      EncodedData[] encoded = new EncodedData[parts.length];
      for (int p = 0; p < parts.length; p++) {
        encoded[p] = EncodedData.encode(table, pipeline, target, parts[p], threads());
      }
      return encoded;
    }

    /** The threads that encoding rows may use: engine.threads. */
    int threads() {
      return config.engine().effectiveThreads();
    }

    FeaturePipeline fit(int[] fitOn) {
      return PipelineFitter.fit(
          table,
          schema.features(),
          rowsOf(target, fitOn),
          config.prep(),
          needs,
          target.column(),
          target.positive(),
          config.data().id(),
          config.seed(),
          PersonalData.of(config.data()));
    }
  }

  /**
   * @param needs what the model family to be fitted needs from the pipeline
   */
  public static Preparation run(PrecisConfig config, PipelineNeeds needs) {
    return encode(Source.read(config, needs));
  }

  /** Fits the pipeline on the source's train part and encodes every part of its split. */
  static Preparation encode(Source source) {
    Splits splits = source.splits();
    FeaturePipeline pipeline = source.fit(splits.train());
    Target target = source.target();
    CsvTable table = source.table();
    PreparedData data =
        new PreparedData(
                pipeline,
                EncodedData.encode(table, pipeline, target, splits.train(), source.threads()),
                EncodedData.encode(table, pipeline, target, splits.valid(), source.threads()),
                EncodedData.encode(table, pipeline, target, splits.test(), source.threads()),
                table.rowCount()
                    - target.rows().length
                    - target.otherArms().values().stream().mapToLong(Long::longValue).sum())
            .requireBothClasses(table.file());
    return new Preparation(table, source.schema(), target, splits, data);
  }

  /** Table row indices of the given labelled-row indices. */
  public static int[] rowsOf(Target target, int[] labelled) {
    int[] rows = new int[labelled.length];
    for (int i = 0; i < labelled.length; i++) {
      rows[i] = target.rows()[labelled[i]];
    }
    return rows;
  }
}
