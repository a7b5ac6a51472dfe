package dev.precis.data;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.annotation.JsonTypeIdResolver;
import java.util.List;

/**
 * One fitted step of a {@link FeaturePipeline}: it reads one or more raw columns and writes a run
 * of named features. Steps are values (records), saved in pipeline.json tagged by their type
 * ({@code "step": "numeric"}); a new kind of step is a new class registered with {@link
 * PipelineSteps#register}, with no change to the pipeline or its encoder.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.CUSTOM, property = "step")
@JsonTypeIdResolver(PipelineSteps.TypeIds.class)
public interface ColumnStep {
  /** The raw columns it reads, in the order {@link #encoder} gets their indices. */
  List<String> inputColumns();

  /**
   * The names of the features it writes, in order. They are the model's feature names, so they stay
   * the same from one version to the next ("age", "age:missing", "job=admin.").
   */
  List<String> featureNames();

  /**
   * How many features it writes: the size of {@link #featureNames()}, told without making the names
   * where that costs (a hashed text column has 2^18 of them).
   */
  default int featureCount() {
    return featureNames().size();
  }

  /**
   * Whether its feature names are distinct by construction, as a text step's terms are: a pipeline
   * of this step alone then has no duplicate to look for among them.
   */
  default boolean distinctNames() {
    return false;
  }

  /**
   * An encoder for rows whose fields hold the input columns at {@code columns}.
   *
   * @param columns the field index of each of {@link #inputColumns()}
   * @param first the index of this step's first feature among the pipeline's
   * @param missing what counts as a missing value
   */
  StepEncoder encoder(int[] columns, int first, MissingValues missing);
}
