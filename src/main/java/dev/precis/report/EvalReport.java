package dev.precis.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.precis.config.PrecisConfig;
import dev.precis.eval.BinaryMetrics;
import dev.precis.eval.CalibrationBin;
import dev.precis.eval.CampaignProfit;
import dev.precis.eval.DeLong;
import dev.precis.eval.GateResult;
import dev.precis.eval.RocPoint;
import dev.precis.eval.ScoreDrift;
import dev.precis.eval.Segments;
import dev.precis.eval.UpliftMetrics;
import dev.precis.io.InputFile;
import java.util.List;
import java.util.Map;

/**
 * eval-report.json: a model's metrics on a labelled file and the verdict of the quality gates.
 *
 * @param skipped rows not scored (no label, or a bad value under bad_rows: skip), first few with
 *     line
 * @param skippedRows how many rows were not scored
 * @param unseenLevels per column, the rows whose value training never had (categorical levels,
 *     target encoded ones); columns with none are left out
 * @param gates each gate (eval.gates, eval.fail_over, eval.max_drop) with its limit and the value
 *     reached
 * @param passed whether every gate passed (true when there are none)
 * @param aucInterval the AUC with its 95% DeLong interval (estimate, standard_error, low, high, and
 *     p against 0.5); null when a class has fewer than two rows
 * @param gini the Gini coefficient, 2 AUC - 1; null under task uplift
 * @param calibration the calibration table: equal-width bins of predicted probability with their
 *     rows, mean predicted and observed rate (empty bins left out); metrics.ece is computed from it
 * @param segments the main metrics per value of the eval --by column; null without --by
 * @param baseline with --baseline: the earlier report's metrics beside these, and the max_drop
 *     gates (also in {@code gates}); absent otherwise
 * @param comparison with --challenger: the challenger's metrics and its paired differences from
 *     this model; absent otherwise
 * @param scoreDrift the population stability index of these scores against the training scores
 * @param threshold the cutoff of metrics.at_threshold and how it was chosen
 * @param economics profit and ROI by depth under eval.economics; null without economics
 * @param roc the ROC curve, at most {@link dev.precis.eval.RocCurve#POINTS} of its vertices, for
 *     charts (eval --html)
 * @param featureDrift the population stability index of each column against the training rows
 * @param task the bundle's task: {@code response}, or {@code uplift}, whose report measures the
 *     uplift scores in {@code uplift} and leaves the response sections that would measure
 *     probabilities of a response (metrics, aucInterval, gini, calibration, threshold, economics,
 *     roc) null
 * @param uplift under task uplift, the Qini and uplift curves, their AUCs, uplift@k, the
 *     random-order band with its verdict and the table by decile, on the rows of both arms; absent
 *     otherwise
 * @param topFeatures the columns the model relies on most, as its training run measured them on its
 *     validation rows and the bundle keeps them (not measured again on this file); null for a
 *     bundle that keeps none (trained by an older Precis, or an uplift model)
 */
public record EvalReport(
    @JsonUnwrapped ReportHeader about,
    InputFile model,
    InputFile data,
    long seed,
    BinaryMetrics metrics,
    long skippedRows,
    List<String> skipped,
    Map<String, Long> unseenLevels,
    List<GateResult> gates,
    boolean passed,
    PrecisConfig config,
    Map<String, Double> timingsSeconds,
    DeLong.Interval aucInterval,
    Double gini,
    List<CalibrationBin> calibration,
    Segments segments,
    @JsonInclude(JsonInclude.Include.NON_NULL) Baseline baseline,
    @JsonInclude(JsonInclude.Include.NON_NULL) ChallengerComparison comparison,
    ScoreDrift scoreDrift,
    ThresholdUsed threshold,
    CampaignProfit economics,
    List<RocPoint> roc,
    dev.precis.data.FeatureDrift featureDrift,
    String task,
    @JsonInclude(JsonInclude.Include.NON_NULL) UpliftMetrics uplift,
    TrainingImportance topFeatures) {
  public static final String SCHEMA = "precis.eval/2";
}
