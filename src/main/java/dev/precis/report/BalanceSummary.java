package dev.precis.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.precis.config.PrepConfig.Imbalance;
import dev.precis.data.EncodedData;
import dev.precis.data.Rebalancing;
import dev.precis.data.Rebalancing.Rebalanced;
import java.util.Locale;

/**
 * The class balance of the training rows before and after prep.imbalance, in the prep and train
 * reports. For {@code weights} the rows stay as they are and {@code after}'s rate is the share of
 * the total weight that positive rows hold.
 *
 * @param method the configured method
 * @param ratio the configured minority rows (or weight) per majority row
 * @param before the training rows as split
 * @param after the rows the model is fitted on
 * @param positiveWeight a positive row's weight over a negative row's in the fit
 * @param oddsRatio the true odds of a positive over the odds the fit sees
 * @param scoresCorrected whether the bundle maps scores back to the true base rate
 * @param note what the scores mean when the balance changed and they are not corrected
 */
public record BalanceSummary(
    String method,
    double ratio,
    PrepReport.PartSummary before,
    PrepReport.PartSummary after,
    double positiveWeight,
    double oddsRatio,
    boolean scoresCorrected,
    @JsonInclude(JsonInclude.Include.NON_NULL) String note) {

  /** The balance of {@code before} and of the rows {@code result} holds. */
  public static BalanceSummary of(Imbalance settings, EncodedData before, Rebalanced result) {
    EncodedData after = result.rows();
    boolean changed = result.oddsRatio() != 1;
    boolean corrected = changed && settings.correct();
    return new BalanceSummary(
        settings.method().name().toLowerCase(Locale.ROOT),
        settings.ratio(),
        PrepReport.PartSummary.of(before.y()),
        after.weights().uniform()
            ? PrepReport.PartSummary.of(after.y())
            : new PrepReport.PartSummary(
                after.rows(), after.positives(), Rebalancing.weightedRate(after)),
        after.weights().positive() / after.weights().negative(),
        result.oddsRatio(),
        corrected,
        changed && !corrected
            ? "scores are at the rebalanced rate, not response rates (prep.imbalance.correct is"
                + " false): rank by them, do not read them as probabilities"
            : null);
  }
}
