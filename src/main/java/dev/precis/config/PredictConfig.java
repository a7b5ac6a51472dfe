package dev.precis.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Who to target when scoring. At most one of topPercent, threshold and budget is set; with none, no
 * row is marked selected.
 *
 * @param topPercent select this percentage of the file, best scores first
 * @param threshold select rows scoring at least this
 * @param badRows what a row that cannot be scored does: fail the run, or be skipped and counted
 * @param budget select the rows worth contacting under eval.economics, best first, within its
 *     budget
 * @param explain the strongest reasons written per row (columns reason1..reasonK); 0 for none
 * @param failOver maximum drift from the training rows (psi, score_psi); predict exits 4 above one,
 *     after writing the scores
 */
public record PredictConfig(
    Double topPercent,
    Double threshold,
    BadRows badRows,
    boolean budget,
    int explain,
    Map<String, Double> failOver) {
  /** Policy for rows that cannot be scored. */
  public enum BadRows {
    @JsonProperty("fail")
    FAIL,
    @JsonProperty("skip")
    SKIP
  }

  public PredictConfig {
    if (topPercent != null) {
      Check.within(topPercent, 0, 100, "predict.top_percent");
    }
    if (threshold != null) {
      Check.within(threshold, 0, 1, "predict.threshold");
    }
    if ((topPercent != null ? 1 : 0) + (threshold != null ? 1 : 0) + (budget ? 1 : 0) > 1) {
      throw new ConfigException("predict", "set one of top_percent, threshold or budget");
    }
    Check.present(badRows, "predict.bad_rows");
    Check.within(explain, 0, 100, "predict.explain");
    failOver = failOver == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(failOver));
  }
}
