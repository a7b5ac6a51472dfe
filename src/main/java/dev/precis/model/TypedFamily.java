package dev.precis.model;

import dev.precis.data.PipelineNeeds;
import java.util.Map;

/**
 * A family whose parameters bind to a record of their own (see {@link ModelFamily#bind}), whose
 * needs from the pipeline are fixed, and which may stop early the one way every family here does:
 * every family here, which then only declares its parameters and fits.
 *
 * @param <P> the family's parameters
 */
abstract class TypedFamily<P> implements ModelFamily<P> {
  /**
   * How a family stops early on the validation rows.
   *
   * @param patience the parameter that stops it after so many rounds or epochs without a better
   *     validation loss; 0 turns early stopping off
   * @param budget the parameter of the most rounds or epochs to run
   * @param kept the fit summary's key for the round or epoch kept
   */
  record EarlyStopping(String patience, String budget, String kept) {}

  private final Class<P> paramsType;
  private final PipelineNeeds needs;
  private final EarlyStopping earlyStopping;

  /** A family that does not stop early. */
  TypedFamily(Class<P> paramsType, PipelineNeeds needs) {
    this(paramsType, needs, null);
  }

  TypedFamily(Class<P> paramsType, PipelineNeeds needs, EarlyStopping earlyStopping) {
    this.paramsType = paramsType;
    this.needs = needs;
    this.earlyStopping = earlyStopping;
  }

  @Override
  public final P params(Map<String, Object> validated) {
    return ModelFamily.bind(validated, paramsType);
  }

  @Override
  public final PipelineNeeds needs() {
    return needs;
  }

  @Override
  public final boolean stopsEarly(Map<String, Object> params) {
    return earlyStopping != null && ((Number) params.get(earlyStopping.patience())).intValue() > 0;
  }

  /** The round or epoch early stopping kept becomes the budget, when the fit reported one. */
  @Override
  public final Map<String, Object> withoutValidation(
      Map<String, Object> params, Map<String, Object> fitSummary) {
    if (earlyStopping == null
        || !(fitSummary.get(earlyStopping.kept()) instanceof Number kept)
        || kept.intValue() < 1) {
      return params;
    }
    Map<String, Object> changed = new java.util.LinkedHashMap<>(params);
    changed.put(earlyStopping.budget(), kept.intValue());
    return changed;
  }
}
