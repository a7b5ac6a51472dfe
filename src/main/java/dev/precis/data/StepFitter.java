package dev.precis.data;

import dev.precis.config.PrepConfig;

/** Fits one kind of {@link ColumnStep} to a column's training values. */
@FunctionalInterface
public interface StepFitter {
  /**
   * @param prep the prep settings as the family needs them (see {@link PipelineNeeds#prep})
   * @param needs what the family needs beyond what prep settings say
   * @throws PrecisException (data) when a value does not fit the column's type
   */
  ColumnStep fit(TrainingColumn column, PrepConfig prep, PipelineNeeds needs);
}
