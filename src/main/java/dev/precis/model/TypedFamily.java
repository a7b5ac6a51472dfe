package dev.precis.model;

import dev.precis.data.PipelineNeeds;
import java.util.Map;

/**
 * A family whose parameters bind to a record of their own (see {@link ModelFamily#bind}) and whose
 * needs from the pipeline are fixed: every family here, which then only declares its parameters and
 * fits.
 *
 * @param <P> the family's parameters
 */
abstract class TypedFamily<P> implements ModelFamily<P> {
  private final Class<P> paramsType;
  private final PipelineNeeds needs;

  TypedFamily(Class<P> paramsType, PipelineNeeds needs) {
    this.paramsType = paramsType;
    this.needs = needs;
  }

  @Override
  public final P params(Map<String, Object> validated) {
    return ModelFamily.bind(validated, paramsType);
  }

  @Override
  public final PipelineNeeds needs() {
    return needs;
  }
}
