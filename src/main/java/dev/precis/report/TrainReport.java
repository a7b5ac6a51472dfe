package dev.precis.report;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.precis.config.PrecisConfig;
import dev.precis.eval.BinaryMetrics;
import dev.precis.io.InputFile;
import java.util.List;
import java.util.Map;

/**
 * train-report.json: the model trained and how it scores on the parts of the split.
 *
 * @param modelType the model family
 * @param features number of encoded features
 * @param fit what the family found while fitting (the round or epoch early stopping kept, say)
 * @param calibration the calibration fitted after the model, and its effect on the validation rows
 * @param warnings what to look at in the data, one sentence each (empty when trained on a `prep`
 *     directory: prep-report.json holds them)
 * @param splits rows and positives of each part
 * @param balance the training rows' class balance before and after prep.imbalance
 * @param metrics metrics per part: "train", and "valid" and "test" when they have rows
 * @param importance each input column's permutation importance
 * @param modelImportance each input column's importance by the family's own measure (coefficients
 *     for logistic and linear-svm, gain for xgboost); left out for other families
 * @param terms each text column's terms of largest weight, for a linear model; left out of the
 *     report when there are none
 * @param curves the ROC curve and calibration table of the validation rows (the training rows when
 *     there are none), for charts; left out when that part holds a single class
 * @param experiment under task uplift: the arms' sizes, outcome rates and raw uplift, and the
 *     randomisation check over every labelled row; left out for a response
 */
public record TrainReport(
    @JsonUnwrapped ReportHeader about,
    InputFile data,
    String model,
    long seed,
    String modelType,
    int features,
    Map<String, Object> fit,
    CalibrationSummary calibration,
    List<String> warnings,
    Map<String, PrepReport.PartSummary> splits,
    BalanceSummary balance,
    Map<String, BinaryMetrics> metrics,
    ImportanceSummary importance,
    @com.fasterxml.jackson.annotation.JsonInclude(
            com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        FamilyImportance modelImportance,
    @com.fasterxml.jackson.annotation.JsonInclude(
            com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
        List<TermWeights> terms,
    PrecisConfig config,
    Map<String, Double> timingsSeconds,
    @com.fasterxml.jackson.annotation.JsonInclude(
            com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        PartCurves curves,
    @com.fasterxml.jackson.annotation.JsonInclude(
            com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        dev.precis.data.Experiment experiment) {
  public static final String SCHEMA = "precis.train/1";
}
