package dev.precis.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.precis.config.PrecisConfig;
import dev.precis.data.DataProfile;
import dev.precis.data.PartLayout;
import dev.precis.data.Splits;
import dev.precis.io.InputFile;
import java.util.List;
import java.util.Map;

/**
 * prep-report.json: what `prep` found in the raw file and what it wrote.
 *
 * @param delimiter the delimiter found or configured
 * @param header whether the file had a header line
 * @param target the target column, its positive value and the count of each value
 * @param unlabelled rows left out because their target was missing
 * @param profile every column: role, type and why, missing values, value summary, warnings; and the
 *     file's duplicate rows
 * @param warnings what inference said about the columns, one sentence each (a column left out as
 *     empty or as an identifier, dates read one way of two); the profile's warnings are in {@code
 *     profile.warnings}
 * @param features number of encoded features
 * @param layout how the parts hold their rows: a column per feature, or index:value pairs
 * @param splits rows and positives of each written part
 * @param sentinels per column with prep.missing.sentinels, the rows holding one (read as missing);
 *     written only when some column has sentinels
 * @param balance the training part's class balance before and after prep.imbalance: the parts are
 *     written with every row, and train rebalances the training part as shown when it fits
 * @param experiment under task uplift: the arms' sizes, outcome rates, raw uplift with its 95%
 *     interval, the rows of other arms skipped, and the randomisation check; left out for a
 *     response
 */
public record PrepReport(
    @JsonUnwrapped ReportHeader about,
    InputFile data,
    long seed,
    String delimiter,
    boolean header,
    TargetSummary target,
    long unlabelled,
    DataProfile profile,
    List<String> warnings,
    int features,
    PartLayout layout,
    Map<String, PartSummary> splits,
    BalanceSummary balance,
    List<String> outputs,
    PrecisConfig config,
    Map<String, Double> timingsSeconds,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Long> sentinels,
    @JsonInclude(JsonInclude.Include.NON_NULL) dev.precis.data.Experiment experiment) {
  public static final String SCHEMA = "precis.prep/2";

  /** The response column. */
  public record TargetSummary(String column, String positive, Map<String, Long> counts) {}

  /** One part of the split. */
  public record PartSummary(long rows, long positives, double positiveRate) {
    public static PartSummary of(boolean[] labels) {
      long positives = Splits.positives(labels);
      return new PartSummary(
          labels.length, positives, labels.length == 0 ? 0.0 : (double) positives / labels.length);
    }
  }
}
