package dev.precis.report;

import java.util.List;

/**
 * The train report's importance by the model's own measure, beside permutation importance, for a
 * family that has one, folded into the user's columns.
 *
 * <ul>
 *   <li>{@code coefficients} (logistic, linear-svm): the mean over the rows of |the column's
 *       contribution to the log-odds (or margin) minus its mean on the training rows|, that is of
 *       the sum over the column's features of weight times (value minus training mean).
 *   <li>{@code gain} (xgboost): the total loss reduction of the splits on the column's features,
 *       XGBoost's total_gain, as a share of all the gain (columns sum to 1).
 * </ul>
 *
 * @param method "coefficients" or "gain"
 * @param rows the rows averaged over ("valid", or "train" when there are none); null for gain
 * @param columns each column, largest first
 */
public record FamilyImportance(String method, String rows, List<Column> columns) {
  /**
   * @param column the column's name in the data ("a+b" for a step that reads several)
   * @param value its importance by the method
   */
  public record Column(String column, double value) {}

  public FamilyImportance {
    columns = List.copyOf(columns);
  }
}
