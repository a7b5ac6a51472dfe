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

  /** The parameters with {@code budget} set to {@code kept}, when a fit reported one. */
  static Map<String, Object> withBudget(Map<String, Object> params, String budget, Object kept) {
    if (!(kept instanceof Number rounds) || rounds.intValue() < 1) {
      return params;
    }
    Map<String, Object> changed = new java.util.LinkedHashMap<>(params);
    changed.put(budget, rounds.intValue());
    return changed;
  }
}
