package dev.precis.eval;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a model's Qini AUC lies against the band of random order ({@link RandomOrderBand}). */
public enum UpliftVerdict {
  /** Above the band: the model orders customers by uplift better than chance. */
  ABOVE_RANDOM,
  /** Below the band: the model ranks those the treatment helps least first. */
  BELOW_RANDOM,
  /** Inside the band: these rows cannot tell the model from random order. */
  NOT_DISTINGUISHABLE_FROM_RANDOM;

  @JsonValue
  public String text() {
    return name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  static UpliftVerdict of(double qiniAuc, RandomOrderBand band) {
    if (qiniAuc > band.high()) {
      return ABOVE_RANDOM;
    }
    return qiniAuc < band.low() ? BELOW_RANDOM : NOT_DISTINGUISHABLE_FROM_RANDOM;
  }
}
