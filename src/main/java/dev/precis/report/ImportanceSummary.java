package dev.precis.report;

import java.util.List;

/**
 * The train report's importance section: how much the AUC drops when the values of one input column
 * are shuffled across rows, its features (one-hot levels, missing indicators) together, so the
 * model can no longer use it. Near zero: the model does not rely on the column (or another column
 * carries the same information); negative: within noise.
 *
 * @param method "permutation"
 * @param metric "auc"
 * @param rows the part measured on: "valid", or "train" when there are no validation rows
 * @param sampledRows how many of its rows were scored (at most a fixed sample)
 * @param repeats shuffles per column
 * @param baseline the AUC of the rows unshuffled; null when they hold a single class
 * @param note why the figures are missing or should be read with care; null when nothing to say
 * @param columns each input column, most important first
 */
public record ImportanceSummary(
    String method,
    String metric,
    String rows,
    int sampledRows,
    int repeats,
    Double baseline,
    String note,
    List<Column> columns) {

  /**
   * One input column's importance.
   *
   * @param column the column's name in the data ("a+b" for a step that reads several)
   * @param mean the mean drop in AUC over the repeats
   * @param std the standard deviation of the drop over the repeats
   */
  public record Column(String column, double mean, double std) {}

  public ImportanceSummary {
    columns = List.copyOf(columns);
  }
}
