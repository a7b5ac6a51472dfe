package dev.precis.data;

import dev.precis.PrecisException;
import dev.precis.config.ColumnType;
import dev.precis.config.PrepConfig;
import dev.precis.config.TextConfig;
import dev.precis.io.StandardStreams;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fits a {@link FeaturePipeline} on the training rows of a table: one step per feature column, by
 * the fitter of its type.
 */
public final class PipelineFitter {
  /**
   * The fitter of each column type. Steps come in this order of types, then in column order:
   * numbers first, as the features have always been ordered.
   */
  private static final Map<ColumnType, StepFitter> FITTERS = new LinkedHashMap<>();

  static {
    FITTERS.put(ColumnType.NUMERIC, NumericStep::fit);
    FITTERS.put(ColumnType.CATEGORICAL, (column, prep, needs) -> CategoricalStep.fit(column, prep));
    FITTERS.put(ColumnType.TEXT, PipelineFitter::textStep);
    FITTERS.put(ColumnType.BOOLEAN, (column, prep, needs) -> BooleanStep.fit(column));
  }

  /**
   * A family that reads token sequences gets them whatever prep.text says; any other gets a bag of
   * terms, or a pretrained encoder's vector when prep.text.embed names one.
   */
  private static ColumnStep textStep(TrainingColumn column, PrepConfig prep, PipelineNeeds needs) {
    if (needs.text() == PipelineNeeds.Text.SEQUENCE) {
      return SequenceStep.fit(column, prep, needs);
    }
    return prep.text().embed() == TextConfig.Embed.NONE
        ? TextStep.fit(column, prep, needs)
        : EmbeddingStep.fit(column, prep, needs);
  }

  private PipelineFitter() {}

  /**
   * @param rows the training rows (indices into the table); nothing else is looked at
   * @param prep the prep settings as configured
   * @param needs what the model family to be fitted needs from the pipeline
   * @throws dev.precis.PrecisException (data) when a numeric column holds a non-number, or two
   *     columns would make features of the same name
   */
  public static FeaturePipeline fit(
      CsvTable table,
      List<ColumnSpec> columns,
      int[] rows,
      PrepConfig prep,
      PipelineNeeds needs,
      String target,
      String positive,
      String id) {
    for (ColumnSpec spec : columns) {
      if (!FITTERS.containsKey(spec.type())) {
        throw new IllegalStateException("no step fits a " + spec.type() + " column");
      }
    }
    MissingValues missing = new MissingValues(prep.missing().tokens());
    PrepConfig needed = needs.prep(prep);
    List<ColumnStep> steps = new ArrayList<>();
    FITTERS.forEach(
        (type, fitter) -> {
          for (ColumnSpec spec : columns) {
            if (spec.type() == type) {
              int c = table.indexOf(spec.name(), "feature");
              steps.add(fitter.fit(new TrainingColumn(table, c, rows, missing), needed, needs));
            }
          }
        });
    try {
      return new FeaturePipeline(target, positive, id, prep.missing().tokens(), steps);
    } catch (PrecisException e) {
      throw PrecisException.data(StandardStreams.name(table.file()) + ": " + e.getMessage(), e);
    }
  }
}
