package dev.precis.eval;

import java.util.List;

/**
 * The uplift metrics of one scored test of both arms (the {@code uplift} section of an eval
 * report), with scikit-uplift 0.5.1's definitions; {@link UpliftScores#metrics} computes them.
 *
 * @param rows rows of both arms
 * @param treatedRows treated rows
 * @param controlRows control rows
 * @param treatedResponders treated rows that responded
 * @param controlResponders control rows that responded
 * @param averageUplift the treated response rate minus the control rate over all rows: the raw
 *     effect of the treatment, the uplift of treating everyone
 * @param qiniAuc the area between the Qini curve and the random line from (0, 0) to its end, over
 *     the perfect Qini curve's area over that line (sklift qini_auc_score, negative_effect=True): 1
 *     for the perfect order, about 0 for random order
 * @param upliftAuc the same normalisation of the uplift curve (sklift uplift_auc_score), AUUC
 * @param upliftAtK uplift among the top share k (sklift uplift_at_k, both strategies)
 * @param randomBand the Qini AUC that random order reaches on these rows
 * @param verdict where qiniAuc lies against randomBand: a Qini AUC inside the band says nothing
 * @param byDecile uplift by bin of the ordered rows (sklift uplift_by_percentile), with a 95%
 *     interval per bin
 * @param qiniCurve the Qini curve, at most {@link UpliftScores#POINTS} of its points
 * @param perfectQiniCurve the perfect order's Qini curve (treated responders first, control
 *     responders last), likewise thinned
 * @param upliftCurve the uplift curve, likewise thinned
 */
public record UpliftMetrics(
    long rows,
    long treatedRows,
    long controlRows,
    long treatedResponders,
    long controlResponders,
    double averageUplift,
    double qiniAuc,
    double upliftAuc,
    UpliftAtK upliftAtK,
    RandomOrderBand randomBand,
    UpliftVerdict verdict,
    List<UpliftBin> byDecile,
    List<UpliftPoint> qiniCurve,
    List<UpliftPoint> perfectQiniCurve,
    List<UpliftPoint> upliftCurve) {

  public UpliftMetrics {
    byDecile = List.copyOf(byDecile);
    qiniCurve = List.copyOf(qiniCurve);
    perfectQiniCurve = List.copyOf(perfectQiniCurve);
    upliftCurve = List.copyOf(upliftCurve);
  }
}
