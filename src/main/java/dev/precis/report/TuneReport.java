package dev.precis.report;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.precis.config.PrecisConfig;
import dev.precis.io.InputFile;
import java.util.List;
import java.util.Map;

/**
 * leaderboard.json: every trial of a search, best first.
 *
 * @param metric what ranks the trials (mean over folds, higher is better)
 * @param rows the labelled rows cross-validated: every one but the test part, raw file or prep
 *     directory alike
 * @param trials each trial, ranked
 */
public record TuneReport(
    @JsonUnwrapped ReportHeader about,
    InputFile data,
    long seed,
    String modelType,
    String metric,
    int folds,
    long rows,
    List<Trial> trials,
    PrecisConfig config,
    Map<String, Double> timingsSeconds) {
  public static final String SCHEMA = "precis.tune/1";

  /**
   * @param rank 1 for the best
   * @param trial the order in which it was drawn, from 1
   * @param params the candidate's model parameters
   * @param mean mean of the metric over the folds
   * @param std standard deviation over the folds
   * @param folds the metric on each fold
   * @param seconds wall time of the trial
   */
  public record Trial(
      int rank,
      int trial,
      Map<String, Object> params,
      double mean,
      double std,
      List<Double> folds,
      double seconds) {}
}
