package dev.precis.report;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.precis.io.InputFile;
import java.util.List;
import java.util.Map;

/**
 * The predict summary: how many rows were scored and selected, and how fast.
 *
 * @param output where the scores went ("-" for standard output)
 * @param rows rows scored
 * @param skippedRows rows not scored under bad_rows: skip
 * @param skipped the first few skipped rows with their line and reason
 * @param unseenLevels categorical values that training had not seen (encoded as "(other)" or zeros)
 * @param unseenByColumn those values per column, columns with none left out
 * @param selection how rows were selected ("top_percent", "threshold", "budget" or "none")
 * @param selected rows marked selected
 * @param cutoff the lowest selected score
 * @param meanScore mean score of the scored rows
 * @param deciles rows per training decile (1 = best)
 * @param rowsPerSecond scoring throughput, end to end
 * @param expectedResponders under predict.budget, the sum of the selected rows' scores: the
 *     responders expected when the scores are probabilities; null otherwise
 * @param expectedProfit under predict.budget, eval.economics's profit of the selection at the
 *     expected responders (value * expectedResponders - cost * selected - fixed); null otherwise
 * @param warnings what to doubt in the selection, one sentence each
 * @param reasons the strongest reasons written per row (predict.explain); 0 for none
 * @param explanation how they were worked out: "linear" (weight times value, relative to the
 *     intercept), "treeshap" (TreeSHAP, relative to XGBoost's bias) or "occlusion" (relative to the
 *     baseline row of each column's most common training value); null without reasons
 * @param scoreDrift the population stability index of the scores against the training scores
 * @param featureDrift the population stability index of each column against the training rows
 * @param gates each drift gate (predict.fail_over) with its limit and the value reached
 * @param passed whether every gate passed (true when there are none); the scores are written either
 *     * way, and predict exits 4 when false
 */
public record PredictReport(
    @JsonUnwrapped ReportHeader about,
    InputFile model,
    InputFile data,
    String output,
    long rows,
    long skippedRows,
    List<String> skipped,
    long unseenLevels,
    Map<String, Long> unseenByColumn,
    String selection,
    long selected,
    Double cutoff,
    double meanScore,
    Map<Integer, Long> deciles,
    int threads,
    double rowsPerSecond,
    Map<String, Double> timingsSeconds,
    Double expectedResponders,
    Double expectedProfit,
    List<String> warnings,
    int reasons,
    @com.fasterxml.jackson.annotation.JsonInclude(
            com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        String explanation,
    dev.precis.eval.ScoreDrift scoreDrift,
    dev.precis.data.FeatureDrift featureDrift,
    List<dev.precis.eval.GateResult> gates,
    boolean passed) {
  public static final String SCHEMA = "precis.predict/1";
}
