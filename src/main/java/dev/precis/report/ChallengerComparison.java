package dev.precis.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.precis.eval.BinaryMetrics;
import dev.precis.eval.CalibrationBin;
import dev.precis.eval.CampaignProfit;
import dev.precis.eval.Comparison;
import dev.precis.eval.RocPoint;
import dev.precis.eval.UpliftMetrics;
import dev.precis.io.InputFile;
import java.util.List;

/**
 * The comparison section of eval-report.json: the challenger bundle, its metrics on the same rows
 * and its differences from the champion (--model).
 *
 * @param challengerRoc the challenger's ROC curve, thinned as the champion's {@code roc}
 * @param challengerCalibration the challenger's calibration table, binned as the champion's {@code
 *     calibration}
 * @param challengerEconomics the challenger's profit by depth under eval.economics, as the
 *     champion's {@code economics}; absent without economics
 * @param challengerUplift when both models are uplift models, the challenger's uplift metrics on
 *     the same rows, as the champion's {@code uplift} (its response fields are then null); absent
 *     otherwise
 * @param challengerTopFeatures the challenger's columns by importance, as the champion's {@code
 *     top_features}; absent for a challenger bundle that keeps none
 */
public record ChallengerComparison(
    InputFile challenger,
    BinaryMetrics challengerMetrics,
    @JsonUnwrapped Comparison comparison,
    List<RocPoint> challengerRoc,
    List<CalibrationBin> challengerCalibration,
    @JsonInclude(JsonInclude.Include.NON_NULL) CampaignProfit challengerEconomics,
    @JsonInclude(JsonInclude.Include.NON_NULL) UpliftMetrics challengerUplift,
    @JsonInclude(JsonInclude.Include.NON_NULL) TrainingImportance challengerTopFeatures) {}
