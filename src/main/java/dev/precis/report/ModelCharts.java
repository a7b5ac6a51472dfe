package dev.precis.report;

import dev.precis.eval.BinaryMetrics;
import dev.precis.eval.CalibrationBin;
import dev.precis.eval.CampaignProfit;
import dev.precis.eval.GainsBin;
import dev.precis.eval.ProfitAtDepth;
import dev.precis.eval.RocPoint;
import java.util.ArrayList;
import java.util.List;

/**
 * The charts of scored, labelled rows that the eval and train pages share: ROC, precision-recall,
 * cumulative gains, lift by score bin, calibration and profit by depth. Every chart draws each
 * model given, in its own colour and named in the legend, so a challenger is overlaid on the model
 * it is compared with.
 */
final class ModelCharts {
  private static final List<double[]> DIAGONAL = List.of(new double[] {0, 0}, new double[] {1, 1});
  private static final String DEPTH = "Share of rows contacted, best scores first";

  /**
   * One model's curves, as a report holds them.
   *
   * @param name the model's name in the legends
   * @param metrics its metrics (the gains table)
   * @param roc its thinned ROC curve
   * @param calibration its calibration table
   * @param economics its profit by depth; null without eval.economics
   */
  record Curves(
      String name,
      BinaryMetrics metrics,
      List<RocPoint> roc,
      List<CalibrationBin> calibration,
      CampaignProfit economics) {}

  private ModelCharts() {}

  /** The charts, profit by depth only when the first model has economics. */
  static List<SvgChart> of(List<Curves> models) {
    List<SvgChart> charts = new ArrayList<>(List.of(roc(models), precisionRecall(models)));
    charts.add(gains(models));
    charts.add(lift(models));
    charts.add(calibration(models));
    if (models.get(0).economics() != null) {
      charts.add(profit(models));
    }
    return charts;
  }

  private static SvgChart roc(List<Curves> models) {
    SvgChart chart =
        new SvgChart("ROC curve", "False positive rate", "True positive rate", 0, 1, 0, 1)
            .line("chance", DIAGONAL, 3, true);
    for (int i = 0; i < models.size(); i++) {
      Curves m = models.get(i);
      chart.line(
          m.name() + " (AUC " + Html.number(m.metrics().auc(), 3) + ")",
          m.roc().stream().map(p -> new double[] {p.fpr(), p.tpr()}).toList(),
          i,
          false);
    }
    return chart;
  }

  /**
   * Precision against recall at each vertex of the thinned ROC curve: a vertex's counts give both
   * (tp = tpr P, fp = fpr N), so the curve needs nothing the report does not hold. The origin has
   * no precision and is left out.
   */
  private static SvgChart precisionRecall(List<Curves> models) {
    BinaryMetrics first = models.get(0).metrics();
    double rate = (double) first.positives() / first.rows();
    SvgChart chart =
        new SvgChart("Precision-recall curve", "Recall", "Precision", 0, 1, 0, 1)
            .line(
                "random (response rate " + Html.number(rate, 3) + ")",
                List.of(new double[] {0, rate}, new double[] {1, rate}),
                3,
                true);
    for (int i = 0; i < models.size(); i++) {
      Curves m = models.get(i);
      chart.line(
          m.name() + " (AP " + Html.number(m.metrics().prAuc(), 3) + ")",
          precisionRecallPoints(m.roc(), m.metrics()),
          i,
          false);
    }
    return chart;
  }

  /** The (recall, precision) of each ROC vertex that selects at least one row. */
  private static List<double[]> precisionRecallPoints(List<RocPoint> roc, BinaryMetrics metrics) {
    long positives = metrics.positives();
    long negatives = metrics.rows() - positives;
    List<double[]> points = new ArrayList<>();
    for (RocPoint p : roc) {
      double tp = p.tpr() * positives;
      double fp = p.fpr() * negatives;
      if (tp + fp > 0) {
        points.add(new double[] {p.tpr(), tp / (tp + fp)});
      }
    }
    return points;
  }

  private static SvgChart gains(List<Curves> models) {
    SvgChart chart =
        new SvgChart("Cumulative gains", DEPTH, "Share of positives captured", 0, 1, 0, 1)
            .line("random", DIAGONAL, 3, true);
    for (int i = 0; i < models.size(); i++) {
      chart.line(models.get(i).name(), gainsPoints(models.get(i).metrics()), i, false);
    }
    return chart;
  }

  /** The gains curve: (0, 0), then each bin's end. */
  private static List<double[]> gainsPoints(BinaryMetrics metrics) {
    List<double[]> points = new ArrayList<>(List.<double[]>of(new double[] {0, 0}));
    long rows = 0;
    for (GainsBin bin : metrics.gains()) {
      rows += bin.rows();
      points.add(new double[] {(double) rows / metrics.rows(), bin.cumulativeCapture()});
    }
    return points;
  }

  /** Lift per bin; a model whose gains table has another number of bins is left out. */
  private static SvgChart lift(List<Curves> models) {
    List<GainsBin> bins = models.get(0).metrics().gains();
    List<String> names = new ArrayList<>();
    List<double[]> lifts = new ArrayList<>();
    for (Curves m : models) {
      if (m.metrics().gains().size() == bins.size()) {
        names.add(m.name());
        lifts.add(m.metrics().gains().stream().mapToDouble(GainsBin::lift).toArray());
      }
    }
    return new SvgChart(
            "Lift by score bin",
            "Score bin, best first (" + bins.size() + " bins)",
            "Lift (bin response rate / overall rate)",
            0,
            1,
            0,
            1)
        .bars(names, bins.stream().map(b -> String.valueOf(b.bin())).toList(), lifts)
        .line(
            "random (lift 1)",
            List.of(new double[] {-0.5, 1}, new double[] {bins.size() - 0.5, 1}),
            3,
            true);
  }

  private static SvgChart calibration(List<Curves> models) {
    SvgChart chart =
        new SvgChart(
                "Calibration", "Mean predicted probability", "Observed response rate", 0, 1, 0, 1)
            .line("perfect calibration", DIAGONAL, 3, true);
    for (int i = 0; i < models.size(); i++) {
      chart.line(
          models.get(i).name(),
          models.get(i).calibration().stream()
              .map(b -> new double[] {b.meanPredicted(), b.observedRate()})
              .toList(),
          i,
          false);
    }
    return chart;
  }

  /** Profit at each bin's end, and each model's most profitable depth as a point of its own. */
  private static SvgChart profit(List<Curves> models) {
    List<Curves> priced = models.stream().filter(m -> m.economics() != null).toList();
    double low = 0;
    double high = 0;
    for (Curves m : priced) {
      for (ProfitAtDepth p : m.economics().byBin()) {
        low = Math.min(low, p.profit());
        high = Math.max(high, p.profit());
      }
      high = Math.max(high, m.economics().best().profit());
    }
    double pad = (high - low) * 0.05 + 1e-9;
    SvgChart chart =
        new SvgChart("Profit by depth", DEPTH, "Profit", 0, 1, low - pad, high + pad)
            .line("break-even", List.of(new double[] {0, 0}, new double[] {1, 0}), 3, true);
    for (int i = 0; i < priced.size(); i++) {
      CampaignProfit economics = priced.get(i).economics();
      chart.line(
          priced.get(i).name(),
          economics.byBin().stream().map(p -> new double[] {p.share(), p.profit()}).toList(),
          i,
          false);
    }
    // the best depths after every line, so that their markers are drawn on top
    for (int i = 0; i < priced.size(); i++) {
      ProfitAtDepth best = priced.get(i).economics().best();
      chart.line(
          (priced.size() == 1 ? "" : priced.get(i).name() + ": ")
              + "most profit ("
              + Html.count(best.depth())
              + " contacts)",
          List.<double[]>of(new double[] {best.share(), best.profit()}),
          priced.size() == 1 ? 2 : i,
          false);
    }
    return chart;
  }
}
