package dev.precis.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The bar charts of the columns a model relies on most, as the train page and the eval page draw
 * them: the family's own measure (when it has one), then permutation importance, each its top
 * {@link #TOP_COLUMNS} columns in the report's order, with the report's values.
 */
final class ImportanceCharts {
  /** Columns drawn in an importance chart: the rest are in the JSON report. */
  static final int TOP_COLUMNS = 15;

  private ImportanceCharts() {}

  /**
   * The family's own importance, then permutation importance, each its top columns; none for a
   * summary without columns.
   *
   * @param family null for a family without a measure of its own
   */
  static List<SvgChart> of(ImportanceSummary permutation, FamilyImportance family) {
    List<SvgChart> charts = new ArrayList<>();
    if (family != null && !family.columns().isEmpty()) {
      List<FamilyImportance.Column> top =
          family.columns().subList(0, Math.min(TOP_COLUMNS, family.columns().size()));
      boolean gain = family.method().equals("gain");
      charts.add(
          new SvgChart(
                  "Column importance: " + family.method(),
                  gain
                      ? "Share of the trees' total gain"
                      : "Mean |contribution to the log-odds| over the rows",
                  "Column",
                  0,
                  1,
                  0,
                  1)
              .rowBars(
                  "model_importance (" + family.method() + ")",
                  top.stream().map(FamilyImportance.Column::column).toList(),
                  top.stream().mapToDouble(FamilyImportance.Column::value).toArray()));
    }
    if (!permutation.columns().isEmpty()) {
      List<ImportanceSummary.Column> top =
          permutation.columns().subList(0, Math.min(TOP_COLUMNS, permutation.columns().size()));
      charts.add(
          new SvgChart(
                  "Column importance: permutation",
                  "Mean drop in AUC when the column is shuffled",
                  "Column",
                  0,
                  1,
                  0,
                  1)
              .rowBars(
                  "importance ("
                      + Html.count(permutation.sampledRows())
                      + " "
                      + Html.rows(permutation.rows())
                      + ", "
                      + permutation.repeats()
                      + " shuffles)",
                  top.stream().map(ImportanceSummary.Column::column).toList(),
                  top.stream().mapToDouble(ImportanceSummary.Column::mean).toArray()));
    }
    return charts;
  }
}
