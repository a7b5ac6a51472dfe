package dev.precis.report;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.precis.config.PrecisConfig;
import dev.precis.eval.BinaryMetrics;
import dev.precis.eval.CampaignProfit;
import dev.precis.eval.GateResult;
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
 * @param gates each gate with its minimum and the value reached
 * @param passed whether every gate passed (true when there are none)
 * @param threshold the cutoff of metrics.at_threshold and how it was chosen
 * @param economics profit and ROI by depth under eval.economics; null without economics
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
    ThresholdUsed threshold,
    CampaignProfit economics) {
  public static final String SCHEMA = "precis.eval/1";
}
