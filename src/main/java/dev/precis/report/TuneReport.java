package dev.precis.report;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.precis.config.PrecisConfig;
import dev.precis.io.InputFile;
import java.util.List;
import java.util.Map;

/**
 * leaderboard.json: every trial of a search, best first.
 *
 * @param strategy how candidates were chosen (grid, random, halving, tpe)
 * @param models the model types searched
 * @param searched per model type, the parameters its space varies
 * @param metric what ranks the trials (mean over folds, higher is better)
 * @param rows the labelled rows cross-validated: every one but the test part, raw file or prep
 *     directory alike
 * @param parallelism trials at once, and the engine threads each trial had
 * @param stop how many trials ran and why the search ended
 * @param trials each trial, ranked
 */
public record TuneReport(
    @JsonUnwrapped ReportHeader about,
    InputFile data,
    long seed,
    String strategy,
    List<String> models,
    Map<String, List<String>> searched,
    String metric,
    int folds,
    long rows,
    Parallelism parallelism,
    Stop stop,
    List<Trial> trials,
    PrecisConfig config,
    Map<String, Double> timingsSeconds) {
  public static final String SCHEMA = "precis.tune/2";

  /**
   * @param trials trials run at once
   * @param threadsPerTrial engine threads each trial was given (engine.threads / trials, at least
   *     1)
   */
  public record Parallelism(int trials, int threadsPerTrial) {}

  /**
   * @param reason {@code finished}, or {@code time_budget} when tune.time_budget ran out first
   * @param trialsRun trials on the leaderboard
   * @param trialsPlanned trials the strategy had planned (for halving: over every rung)
   * @param resumed trials taken from the journal of an interrupted run
   */
  public record Stop(String reason, int trialsRun, int trialsPlanned, int resumed) {
    public static final String FINISHED = "finished";
    public static final String TIME_BUDGET = "time_budget";
  }

  /**
   * @param rank 1 for the best
   * @param trial the order in which it was planned, from 1
   * @param family the model type
   * @param params the candidate's model parameters, complete
   * @param rung the successive-halving rung (0 for other strategies); a higher rung ranks first
   * @param budget what halving limited: the type's budget parameter ({epochs: 3}) or, for a type
   *     without one, the share of training rows ({row_share: 0.33}); empty for a full fit
   * @param mean mean of the metric over the folds
   * @param std standard deviation over the folds
   * @param folds the metric on each fold
   * @param fitSeconds wall time of the trial, every fold
   */
  public record Trial(
      int rank,
      int trial,
      String family,
      Map<String, Object> params,
      int rung,
      Map<String, Object> budget,
      double mean,
      double std,
      List<Double> folds,
      double fitSeconds) {

    public Trial withRank(int newRank) {
      return new Trial(newRank, trial, family, params, rung, budget, mean, std, folds, fitSeconds);
    }
  }
}
