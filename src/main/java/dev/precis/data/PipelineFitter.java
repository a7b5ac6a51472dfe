package dev.precis.data;

import dev.precis.PrecisException;
import dev.precis.config.ColumnType;
import dev.precis.config.ConfigException;
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
    FITTERS.put(ColumnType.NUMERIC, PipelineFitter::numericStep);
    FITTERS.put(ColumnType.CATEGORICAL, PipelineFitter::categoricalStep);
    FITTERS.put(ColumnType.TEXT, PipelineFitter::textStep);
    FITTERS.put(ColumnType.DATE, DateStep::fit);
    FITTERS.put(ColumnType.BOOLEAN, (column, prep, needs) -> BooleanStep.fit(column));
  }

  /**
   * One-hot encoding, unless prep.encode gives the column (by name, or by its number of levels)
   * hashing or target encoding.
   */
  private static ColumnStep categoricalStep(
      TrainingColumn column, PrepConfig prep, PipelineNeeds needs) {
    return switch (prep.encode().methodFor(column.name(), CategoricalStep.levelCount(column))) {
      case ONEHOT -> CategoricalStep.fit(column, prep);
      case HASHING -> HashingStep.fit(column, prep);
      case TARGET -> TargetStep.fit(column, prep);
    };
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

  /** Quantile bins when the column's settings ask for them, else a (scaled) number. */
  private static ColumnStep numericStep(
      TrainingColumn column, PrepConfig prep, PipelineNeeds needs) {
    return prep.numericColumn(column.name()).bins() > 0
        ? BinnedStep.fit(column, prep)
        : NumericStep.fit(column, prep, needs);
  }

  private PipelineFitter() {}

  /**
   * A usage error when a per-column setting names a column that is no feature of that type, so that
   * a misspelt name is not silently ignored.
   */
  private static void requireColumns(
      List<ColumnSpec> columns, ColumnType type, java.util.Set<String> named, String key) {
    List<String> ofType =
        columns.stream().filter(c -> c.type() == type).map(ColumnSpec::name).toList();
    for (String name : named) {
      if (!ofType.contains(name)) {
        throw new ConfigException(
            key + "." + name,
            "names no "
                + type.name().toLowerCase(java.util.Locale.ROOT)
                + " feature column (they are: "
                + (ofType.isEmpty() ? "none" : String.join(", ", ofType))
                + ")");
      }
    }
  }

  /**
   * The labels of the training rows, read as {@link Target} reads them. Only target encoding looks
   * at them, to encode each row from the other folds' rows; the rows handed in all have one.
   */
  private static boolean[] labelsOf(
      CsvTable table, int[] rows, String target, String positive, MissingValues missing) {
    int index = table.indexOf(target, "data.target");
    LabelReader reader = new LabelReader(missing, positive);
    TableColumn field = table.column(index);
    boolean[] labels = new boolean[rows.length];
    for (int i = 0; i < rows.length; i++) {
      String label = reader.value(field.value(rows[i]));
      labels[i] = label != null && reader.isPositive(label);
    }
    return labels;
  }

  /**
   * @param rows the training rows (indices into the table); nothing else is looked at
   * @param prep the prep settings as configured
   * @param needs what the model family to be fitted needs from the pipeline
   * @param seed what out-of-fold target encoding draws its folds from
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
      String id,
      long seed) {
    return fit(table, columns, rows, prep, needs, target, positive, id, seed, PersonalData.NONE);
  }

  /**
   * As {@link #fit(CsvTable, List, int[], PrepConfig, PipelineNeeds, String, String, String,
   * long)}, for a table whose personal columns {@code personal} has changed: the pipeline keeps
   * their rules, and a fitter's error about one of them does not show the value.
   */
  public static FeaturePipeline fit(
      CsvTable table,
      List<ColumnSpec> columns,
      int[] rows,
      PrepConfig prep,
      PipelineNeeds needs,
      String target,
      String positive,
      String id,
      long seed,
      PersonalData personal) {
    for (ColumnSpec spec : columns) {
      if (!FITTERS.containsKey(spec.type())) {
        throw new IllegalStateException("no step fits a " + spec.type() + " column");
      }
    }
    requireColumns(
        columns, ColumnType.CATEGORICAL, prep.encode().columns().keySet(), "prep.encode.columns");
    requireColumns(columns, ColumnType.DATE, prep.dates().columns().keySet(), "prep.dates.columns");
    ColumnSettings.check(prep, columns);
    MissingValues missing = new MissingValues(prep.missing().tokens());
    PrepConfig needed = needs.prep(prep);
    boolean[] labels = labelsOf(table, rows, target, positive, missing);
    List<ColumnStep> steps = new ArrayList<>();
    FITTERS.forEach(
        (type, fitter) -> {
          for (ColumnSpec spec : columns) {
            if (spec.type() == type) {
              int c = table.indexOf(spec.name(), "feature");
              MissingValues own =
                  missing.withSentinels(
                      prep.missing().sentinels().getOrDefault(spec.name(), List.of()));
              TrainingColumn column =
                  new TrainingColumn(
                      table, c, rows, own, labels, seed, personal.hides(spec.name()));
              steps.add(fitter.fit(column, needed, needs));
            }
          }
        });
    for (List<String> pair : prep.dates().between()) {
      steps.add(
          DateGapStep.fit(
              new TrainingColumn(
                  table, table.indexOf(pair.get(0), "prep.dates.between"), rows, missing),
              new TrainingColumn(
                  table, table.indexOf(pair.get(1), "prep.dates.between"), rows, missing),
              needed,
              needs));
    }
    try {
      return new FeaturePipeline(target, positive, id, prep.missing().tokens(), steps, personal);
    } catch (PrecisException e) {
      throw PrecisException.data(StandardStreams.name(table.file()) + ": " + e.getMessage(), e);
    }
  }
}
