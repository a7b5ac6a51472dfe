package dev.precis.eval;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;

/**
 * A challenger against a champion on the same rows: per metric, challenger minus champion with a
 * paired 95% interval, and a verdict on AUC.
 *
 * @param resamples paired bootstrap resamples behind the intervals of every metric but AUC
 * @param seed the seed of the resampling
 * @param differences auc (DeLong), pr_auc, log_loss, brier, top_lift (bootstrap percentiles)
 * @param verdict better when AUC's interval lies above 0, worse when below, else no difference
 */
public record Comparison(int resamples, long seed, List<Difference> differences, Verdict verdict) {

  /**
   * One metric's difference.
   *
   * @param metric the metric, as gates name it
   * @param champion the champion's value
   * @param challenger the challenger's value
   * @param difference challenger minus champion
   * @param low the 95% interval's lower end
   * @param high its upper end
   * @param method delong or bootstrap
   */
  public record Difference(
      String metric,
      double champion,
      double challenger,
      double difference,
      double low,
      double high,
      String method) {}

  /** What the AUC difference's interval says of the challenger. */
  public enum Verdict {
    BETTER,
    WORSE,
    NO_DIFFERENCE;

    @JsonValue
    public String text() {
      return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
  }

  public Comparison {
    differences = List.copyOf(differences);
  }
}
