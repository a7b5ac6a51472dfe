package dev.precis.report;

import dev.precis.config.Economics;
import dev.precis.data.Experiment;
import dev.precis.data.PartLayout;
import dev.precis.eval.BinaryMetrics;
import dev.precis.eval.CalibrationBin;
import dev.precis.eval.CampaignProfit;
import dev.precis.eval.Comparison;
import dev.precis.eval.GainsBin;
import dev.precis.eval.GateResult;
import dev.precis.eval.ProfitAtDepth;
import dev.precis.eval.SegmentMetrics;
import dev.precis.eval.Segments;
import dev.precis.io.StandardStreams;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The readable summaries commands print on standard error. */
public final class Summaries {
  private Summaries() {}

  public static String prep(PrepReport report, String out) {
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            Locale.ROOT,
            "Read %s: %,d rows, %d columns (delimiter '%s'), target '%s' positive '%s'%n",
            report.data().path(),
            report.profile().rows(),
            report.profile().columns().size(),
            report.delimiter(),
            report.target().column(),
            report.target().positive()));
    TextTable table = new TextTable("column", "role", "type", "missing", "distinct");
    report
        .profile()
        .columns()
        .forEach(
            c ->
                table.row(
                    c.name(),
                    c.role(),
                    c.type() == null ? "" : c.type().name().toLowerCase(Locale.ROOT),
                    c.missing(),
                    c.distinct()));
    text.append(table);
    report
        .splits()
        .forEach(
            (name, part) ->
                text.append(
                    String.format(
                        Locale.ROOT,
                        "  %-5s %,8d rows, %5.2f%% positive%n",
                        name,
                        part.rows(),
                        100 * part.positiveRate())));
    if (report.sentinels() != null) {
      report
          .sentinels()
          .forEach(
              (column, rows) ->
                  text.append(
                      String.format(
                          Locale.ROOT,
                          "  %s: %,d rows hold a sentinel (prep.missing.sentinels), read as"
                              + " missing%n",
                          column,
                          rows)));
    }
    balance(text, report.balance());
    experiment(text, report.experiment());
    text.append(
        String.format(
            Locale.ROOT,
            "Wrote %d features to %s, %s%n",
            report.features(),
            out,
            report.layout() == PartLayout.DENSE
                ? "a column each (dense parts)"
                : "as index:value pairs of the nonzero ones (sparse parts)"));
    warnings(text, report.warnings());
    warnings(text, report.profile().warnings());
    return text.toString();
  }

  /**
   * @param reportPath null when no report file was written
   */
  public static String train(TrainReport report, String out, String reportPath) {
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            Locale.ROOT,
            "Trained %s on %,d rows, %d features, in %.1f s%n",
            report.modelType(),
            report.splits().get("train").rows(),
            report.features(),
            report.timingsSeconds().get("total")));
    TextTable table =
        new TextTable(
            "part",
            "rows",
            "positive",
            "AUC",
            "PR-AUC",
            "log loss",
            "Brier",
            "ECE",
            "top-decile lift");
    report
        .metrics()
        .forEach(
            (part, m) ->
                table.row(
                    part,
                    m.rows(),
                    m.positives(),
                    f4(m.auc()),
                    f4(m.prAuc()),
                    f4(m.logLoss()),
                    f4(m.brier()),
                    f4(m.ece()),
                    f2(m.gains().get(0).lift())));
    // an uplift model has no response metrics; its experiment says what there is to say
    if (!report.metrics().isEmpty()) {
      text.append(table);
    }
    balance(text, report.balance());
    experiment(text, report.experiment());
    calibration(text, report.calibration());
    BinaryMetrics heldOut = report.metrics().getOrDefault("test", report.metrics().get("valid"));
    if (heldOut != null) {
      text.append("Held-out gains (")
          .append(report.metrics().containsKey("test") ? "test" : "valid")
          .append("):\n");
      text.append(gains(heldOut));
    }
    importance(text, report.importance());
    report.terms().forEach(column -> terms(text, column));
    text.append("Model: ").append(out);
    if (reportPath != null) {
      text.append("   Report: ").append(reportPath);
    }
    text.append('\n');
    warnings(text, report.warnings());
    return text.toString();
  }

  /** The training rows' balance before and after prep.imbalance, when it is set. */
  private static void balance(StringBuilder text, BalanceSummary balance) {
    if (balance.method().equals("none")) {
      return;
    }
    text.append(
        String.format(
            Locale.ROOT,
            "Rebalanced the training rows (%s, ratio %s): %,d rows at %s positive -> %,d rows at"
                + " %s%s; %s%n",
            balance.method(),
            f2(balance.ratio()),
            balance.before().rows(),
            pct(balance.before().positiveRate()),
            balance.after().rows(),
            pct(balance.after().positiveRate()),
            balance.positiveWeight() == 1
                ? ""
                : " of the weight (a positive weighs " + f2(balance.positiveWeight()) + ")",
            balance.scoresCorrected()
                ? "scores are mapped back to the true base rate"
                : balance.note() == null ? "nothing to change" : balance.note()));
  }

  private static void calibration(StringBuilder text, CalibrationSummary calibration) {
    if (calibration.before() == null) {
      return;
    }
    text.append(
        String.format(
            Locale.ROOT,
            "Calibrated (%s, fitted on %,d valid rows): log loss %s -> %s, ECE %s -> %s%n",
            calibration.method(),
            calibration.rows(),
            f4(calibration.before().logLoss()),
            f4(calibration.after().logLoss()),
            f4(calibration.before().ece()),
            f4(calibration.after().ece())));
  }

  /** The ten most important columns; the report holds them all. */
  private static void importance(StringBuilder text, ImportanceSummary importance) {
    if (importance.columns().isEmpty()) {
      if (importance.note() != null) {
        text.append("Column importance: ").append(importance.note()).append('\n');
      }
      return;
    }
    text.append(
        String.format(
            Locale.ROOT,
            "Column importance: drop in %s AUC when the column is shuffled (%,d rows, %d"
                + " shuffles)%s%n",
            importance.rows(),
            importance.sampledRows(),
            importance.repeats(),
            importance.note() == null ? "" : "; " + importance.note()));
    TextTable table = new TextTable("column", "AUC drop", "±");
    importance.columns().stream()
        .limit(10)
        .forEach(c -> table.row(c.column(), f4(c.mean()), f4(c.std())));
    text.append(table);
  }

  /**
   * The columns of most permutation importance in training, as many as one 80-column line holds;
   * the report holds them all. Nothing when the bundle keeps none.
   */
  private static String topColumns(TrainingImportance kept) {
    if (kept == null || kept.importance().columns().isEmpty()) {
      return "";
    }
    List<ImportanceSummary.Column> columns = kept.importance().columns();
    StringBuilder line =
        new StringBuilder("Top columns (training): ").append(columns.get(0).column());
    for (int i = 1; i < columns.size(); i++) {
      String next = ", " + columns.get(i).column();
      // room for the " ..." that says more columns follow
      if (line.length() + next.length() > (i == columns.size() - 1 ? 79 : 75)) {
        line.append(" ...");
        break;
      }
      line.append(next);
    }
    return line.append('\n').toString();
  }

  /** The ten terms of most weight each way; the report holds more. */
  private static void terms(StringBuilder text, TermWeights column) {
    text.append("Terms of most weight in '").append(column.column()).append("':\n");
    TextTable table = new TextTable("towards response", "weight", "away from it", "weight");
    for (int k = 0; k < 10; k++) {
      boolean up = k < column.positive().size();
      boolean down = k < column.negative().size();
      if (!up && !down) {
        break;
      }
      table.row(
          up ? column.positive().get(k).term() : "",
          up ? f2(column.positive().get(k).weight()) : "",
          down ? column.negative().get(k).term() : "",
          down ? f2(column.negative().get(k).weight()) : "");
    }
    text.append(table);
  }

  public static String eval(EvalReport report) {
    if (report.uplift() != null) {
      return upliftEval(report);
    }
    BinaryMetrics m = report.metrics();
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            Locale.ROOT,
            "Evaluated %s on %s: %,d rows, %,d positive%s%n",
            report.model().path(),
            StandardStreams.name(report.data().path()),
            m.rows(),
            m.positives(),
            report.skippedRows() > 0
                ? ", " + count(report.skippedRows(), "row") + " skipped"
                : ""));
    text.append(
        String.format(
            Locale.ROOT,
            "  AUC %s%s   Gini %s   KS %s   PR-AUC %s%n",
            f4(m.auc()),
            report.aucInterval() == null
                ? ""
                : " (95% CI "
                    + range(report.aucInterval().low(), report.aucInterval().high())
                    + ")",
            f4(report.gini()),
            f4(m.ks()),
            f4(m.prAuc())));
    text.append(
        String.format(
            Locale.ROOT,
            "  log loss %s   Brier %s   ECE %s (calibration bins below)%n",
            f4(m.logLoss()),
            f4(m.brier()),
            f4(m.ece())));
    var t = m.atThreshold();
    // the threshold on a line of its own: a chosen one ("0.084376 (max profit)") and the counts of
    // a file of millions of rows would not share 80 columns
    text.append("  at threshold ")
        .append(threshold(t.threshold(), report.threshold()))
        .append(":\n");
    text.append(
        String.format(
            Locale.ROOT, "    TP %,d  FP %,d  FN %,d  TN %,d%n", t.tp(), t.fp(), t.fn(), t.tn()));
    text.append(
        String.format(
            Locale.ROOT,
            "    accuracy %s  precision %s  recall %s  F1 %s  MCC %s%n",
            f4(t.accuracy()),
            f4(t.precision()),
            f4(t.recall()),
            f4(t.f1()),
            f4(t.mcc())));
    text.append("Gains by ").append(m.gains().size() == 10 ? "decile" : "score bin").append(":\n");
    text.append(gains(m));
    text.append(calibration(report.calibration()));
    if (report.segments() != null) {
      text.append(segments(report.segments()));
    }
    text.append(economics(report.economics(), report.config().eval().economics()));
    text.append(unseen(report.unseenLevels(), "  "));
    text.append(DriftSummary.of(report.scoreDrift(), report.featureDrift()));
    text.append(topColumns(report.topFeatures()));
    text.append(challenger(report.comparison()));
    text.append(baseline(report.baseline()));
    text.append(gates(report.gates()));
    return text.toString();
  }

  /** An uplift model's eval: the uplift block in place of the response metrics. */
  private static String upliftEval(EvalReport report) {
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            Locale.ROOT,
            "Evaluated %s on %s: %,d rows of both arms%s%n",
            report.model().path(),
            StandardStreams.name(report.data().path()),
            report.uplift().rows(),
            report.skippedRows() > 0
                ? ", " + count(report.skippedRows(), "row") + " skipped (other arms, no label)"
                : ""));
    text.append(UpliftSummary.of(report.uplift()));
    text.append(unseen(report.unseenLevels(), "  "));
    text.append(DriftSummary.of(report.scoreDrift(), report.featureDrift()));
    text.append(challenger(report.comparison()));
    text.append(gates(report.gates()));
    return text.toString();
  }

  /** One line per gate with its verdict. */
  private static String gates(List<GateResult> gates) {
    StringBuilder text = new StringBuilder();
    for (GateResult gate : gates) {
      text.append("  gate ")
          .append(describe(gate))
          .append(gate.passed() ? ": passed" : ": FAILED")
          .append(System.lineSeparator());
    }
    return text.toString();
  }

  /** The challenger's table: each metric for both models and the difference with its interval. */
  private static String challenger(ChallengerComparison comparison) {
    if (comparison == null) {
      return "";
    }
    Comparison c = comparison.comparison();
    TextTable table =
        new TextTable("metric", "champion", "challenger", "difference", "95% interval", "method");
    for (Comparison.Difference d : c.differences()) {
      table.row(
          d.metric(),
          f4(d.champion()),
          f4(d.challenger()),
          signed(d.difference()),
          "[" + signed(d.low()) + ", " + signed(d.high()) + "]",
          d.method());
    }
    // the path on a line of its own, so that the rest fits 80 columns
    return String.format(
            Locale.ROOT,
            "Challenger %s%n  on the same rows (bootstrap: %,d paired resamples, seed %d):%n",
            comparison.challenger().path(),
            c.resamples(),
            c.seed())
        + table
        + "  verdict "
        + comparison.comparison().verdict().text()
        + ":"
        + System.lineSeparator()
        + "    "
        + verdictGrounds(comparison)
        + System.lineSeparator();
  }

  /**
   * The challenger's verdict with the AUC difference behind it, on one line, e.g. for a failed
   * --fail-if-worse.
   */
  public static String verdict(ChallengerComparison comparison) {
    return "verdict "
        + comparison.comparison().verdict().text()
        + ": "
        + verdictGrounds(comparison);
  }

  private static String verdictGrounds(ChallengerComparison comparison) {
    // the first difference is the one the verdict is on: AUC, or an uplift model's Qini AUC
    Comparison.Difference auc = comparison.comparison().differences().get(0);
    return "challenger "
        + (auc.metric().equals("qini") ? "Qini AUC" : "AUC")
        + " minus champion's "
        + signed(auc.difference())
        + ", 95% interval ["
        + signed(auc.low())
        + ", "
        + signed(auc.high())
        + "]";
  }

  /** The main metrics beside the baseline report's. */
  private static String baseline(Baseline baseline) {
    if (baseline == null) {
      return "";
    }
    StringBuilder text =
        new StringBuilder("  against " + baseline.report().path() + ":" + System.lineSeparator());
    baseline
        .changes()
        .forEach(
            (metric, change) ->
                text.append(
                    String.format(
                        Locale.ROOT,
                        "    %-9s %s -> %s (%s)%n",
                        metric,
                        f4(change.baseline()),
                        f4(change.value()),
                        signed(change.change()))));
    return text.toString();
  }

  private static String signed(double value) {
    return String.format(Locale.ROOT, "%+.4f", value);
  }

  /** A gate as it reads, e.g. {@code auc 0.7712 < 0.78} when failed, {@code >=} when passed. */
  private static String describe(GateResult gate) {
    String limit = BigDecimal.valueOf(gate.limit()).stripTrailingZeros().toPlainString();
    return switch (gate.direction()) {
      case AT_LEAST ->
          gate.metric() + " " + f4(gate.value()) + (gate.passed() ? " >= " : " < ") + limit;
      case AT_MOST ->
          gate.metric() + " " + f4(gate.value()) + (gate.passed() ? " <= " : " > ") + limit;
      case MAX_DROP ->
          gate.metric()
              + " "
              + f4(gate.baseline())
              + " in the baseline, worse by "
              + f4(gate.value())
              + (gate.passed() ? ", within " : ", more than ")
              + limit;
    };
  }

  /** A fixed threshold as given; a chosen one rounded, with what it maximises. */
  private static String threshold(double value, ThresholdUsed used) {
    return used == null || used.chosenBy().equals("fixed")
        ? String.valueOf(value)
        : String.format(Locale.ROOT, "%.6f (max %s)", value, used.chosenBy());
  }

  /** The campaign's money in three lines: its terms, the best depth, the best within budget. */
  private static String economics(CampaignProfit profit, Economics terms) {
    if (profit == null) {
      return "";
    }
    StringBuilder text =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "  economics: %s per contact, %s per responder, %s fixed%n",
                money(terms.cost()),
                money(terms.value()),
                money(terms.fixed())));
    text.append(depth("most profit:", profit.best()));
    if (profit.bestWithinBudget() != null) {
      text.append(
          depth(
              String.format(Locale.ROOT, "budget %,d:", profit.budgetContacts()),
              profit.bestWithinBudget()));
    }
    return text.toString();
  }

  private static String depth(String label, ProfitAtDepth at) {
    return String.format(
        Locale.ROOT,
        "  %-13s %s (%.1f%%%s), profit %s, ROI %s%n",
        label,
        count(at.depth(), "row"),
        100 * at.share(),
        at.minScore() == null ? "" : String.format(Locale.ROOT, ", score >= %.4f", at.minScore()),
        String.format(Locale.ROOT, "%,.0f", at.profit()),
        at.roi() == null ? "-" : f2(at.roi()));
  }

  private static String money(double amount) {
    return String.format(Locale.ROOT, "%,.2f", amount);
  }

  /**
   * One line per gate the model did not reach, e.g. {@code gate failed: auc 0.7712 < 0.78}: the
   * verdict behind exit 4, which a user must see even under --quiet.
   */
  public static List<String> failedGates(EvalReport report) {
    return failedGates(report.gates());
  }

  /** One line per failed gate of eval or predict; see {@link #failedGates(EvalReport)}. */
  public static List<String> failedGates(List<GateResult> gates) {
    return gates.stream()
        .filter(gate -> !gate.passed())
        .map(gate -> "gate failed: " + describe(gate))
        .toList();
  }

  public static String predict(PredictReport report) {
    StringBuilder text =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "Scored %s in %.2f s (%,.0f rows/s, %s) -> %s%n",
                count(report.rows(), "row"),
                report.timingsSeconds().get("total"),
                report.rowsPerSecond(),
                count(report.threads(), "thread"),
                report.output()));
    if (!report.selection().equals("none")) {
      text.append(
          String.format(
              Locale.ROOT,
              "Selected %s by %s%s%n",
              count(report.selected(), "row"),
              report.selection(),
              report.cutoff() == null
                  ? ""
                  : String.format(Locale.ROOT, " (score >= %.6f)", report.cutoff())));
    }
    if (report.expectedProfit() != null) {
      text.append(
          String.format(
              Locale.ROOT,
              "Expected: %,.1f responders, profit %s%n",
              report.expectedResponders(),
              money(report.expectedProfit())));
    }
    warnings(text, report.warnings());
    if (report.skippedRows() > 0) {
      text.append(
          String.format(
              Locale.ROOT,
              "Skipped %s that could not be scored, e.g. line %s%n",
              count(report.skippedRows(), "row"),
              report.skipped().get(0)));
    }
    text.append(unseen(report.unseenByColumn(), ""));
    text.append(DriftSummary.of(report.scoreDrift(), report.featureDrift()));
    text.append(gates(report.gates()));
    return text.toString();
  }

  /**
   * The lines that count values training never had, per column ("Not seen in training: 3 values of
   * job, 1 value of zip"), wrapped within 80 columns, or nothing when there are none.
   */
  private static String unseen(Map<String, Long> byColumn, String indent) {
    if (byColumn == null || byColumn.isEmpty()) {
      return "";
    }
    StringBuilder lines = new StringBuilder();
    StringBuilder line = new StringBuilder(indent).append("Not seen in training:");
    String separator = " ";
    for (Map.Entry<String, Long> column : byColumn.entrySet()) {
      String part = count(column.getValue(), "value") + " of " + column.getKey();
      if (line.length() + separator.length() + part.length() + 1 > 80) {
        lines.append(line).append(separator.strip()).append(System.lineSeparator());
        line = new StringBuilder(indent).append("  ");
        separator = "";
      }
      line.append(separator).append(part);
      separator = ", ";
    }
    return lines
        .append(line)
        .append(System.lineSeparator())
        .append(indent)
        .append("  (encoded as \"(other)\", no level, or the overall rate)")
        .append(System.lineSeparator())
        .toString();
  }

  /** The live line of a search: trials done, the best so far and the time left. */
  public static String tuneProgress(
      int done, int planned, TuneReport.Trial best, String metric, double etaSeconds) {
    return String.format(
        Locale.ROOT,
        "tune: trial %d/%d, best %s %.4f (%s)%s",
        done,
        planned,
        metric,
        best.mean(),
        best.family(),
        Double.isNaN(etaSeconds) ? "" : ", about " + duration(etaSeconds) + " left");
  }

  /**
   * The leaderboard's top trials, with the parameters each type's space varies, and what was
   * written.
   *
   * @param refitted the refitted bundle's path, or null without --refit
   */
  public static String tune(TuneReport report, String out, String refitted) {
    TuneReport.Stop stop = report.stop();
    StringBuilder text =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%s search of %s: %d of %d trials run%s%s, by mean %s over %d folds of %,d"
                    + " rows:%n",
                report.strategy(),
                String.join(", ", report.models()),
                stop.trialsRun(),
                stop.trialsPlanned(),
                stop.reason().equals(TuneReport.Stop.TIME_BUDGET)
                    ? " (stopped: tune.time_budget ran out)"
                    : "",
                stop.resumed() > 0 ? " (" + stop.resumed() + " from the journal)" : "",
                report.metric(),
                report.folds(),
                report.rows()));
    TextTable table = new TextTable("rank", "family", "params", report.metric(), "±", "fit s");
    report.trials().stream()
        .limit(10)
        .forEach(
            t ->
                table.row(
                    t.rank(),
                    t.family(),
                    keyParams(t, report.searched().getOrDefault(t.family(), List.of())),
                    f4(t.mean()),
                    f4(t.std()),
                    String.format(Locale.ROOT, "%.1f", t.fitSeconds())));
    text.append(table);
    text.append("Wrote ")
        .append(out)
        .append("/leaderboard.json and ")
        .append(out)
        .append("/best.yaml");
    if (refitted != null) {
      text.append(", and refitted the best on the training rows: ").append(refitted).append('\n');
    } else {
      text.append(" (use: precis train --config ")
          .append(out)
          .append("/best.yaml --out model.precis, or tune --refit)\n");
    }
    return text.toString();
  }

  /** The searched parameters (and what halving limited) as name=value. */
  private static String keyParams(TuneReport.Trial trial, List<String> searched) {
    java.util.Map<String, Object> shown = new java.util.LinkedHashMap<>();
    for (String name : searched) {
      shown.put(name, roundedForDisplay(trial.params().get(name)));
    }
    shown.putAll(trial.budget());
    StringBuilder text = new StringBuilder();
    shown.forEach(
        (k, v) -> text.append(text.length() == 0 ? "" : " ").append(k).append('=').append(v));
    return text.toString();
  }

  private static Object roundedForDisplay(Object value) {
    return value instanceof Double d
        ? new BigDecimal(d).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString()
        : value;
  }

  private static String duration(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600
        ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60)
        : s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
  }

  /** An experiment's arms, raw uplift and randomisation check, with its warnings. */
  private static void experiment(StringBuilder text, Experiment experiment) {
    if (experiment == null) {
      return;
    }
    Experiment.Arm t = experiment.treated();
    Experiment.Arm c = experiment.control();
    text.append(
        String.format(
            Locale.ROOT,
            "Experiment '%s': treated '%s' %,d rows, %.2f%% respond; control '%s' %,d rows, %.2f%%"
                + " respond%n  raw uplift %+.2f points (95%% interval %+.2f to %+.2f)%n",
            experiment.treatment(),
            t.value(),
            t.rows(),
            100 * t.rate(),
            c.value(),
            c.rows(),
            100 * c.rate(),
            100 * experiment.uplift(),
            100 * experiment.upliftLow(),
            100 * experiment.upliftHigh()));
    experiment
        .skipped()
        .forEach(
            (value, rows) ->
                text.append(
                    String.format(
                        Locale.ROOT, "  skipped %,d rows of the arm '%s'%n", rows, value)));
    if (!experiment.balance().isEmpty()) {
      Experiment.Balance worst = experiment.balance().get(0);
      text.append(
          String.format(
              Locale.ROOT,
              "  randomisation check: largest |standardised mean difference| %.3f (%s%s)%n",
              Math.abs(worst.smd()),
              worst.column(),
              worst.level() == null ? "" : " = " + worst.level()));
    }
    warnings(text, experiment.warnings());
  }

  private static void warnings(StringBuilder text, java.util.List<String> warnings) {
    warnings.forEach(w -> text.append("warning: ").append(w).append('\n'));
  }

  private static String gains(BinaryMetrics m) {
    TextTable table =
        new TextTable(
            "bin",
            "rows",
            "positives",
            "rate",
            "lift",
            "cum. lift",
            "cum. capture",
            "min score",
            "max score");
    for (GainsBin bin : m.gains()) {
      table.row(
          bin.bin(),
          bin.rows(),
          bin.positives(),
          pct(bin.responseRate()),
          f2(bin.lift()),
          f2(bin.cumulativeLift()),
          pct(bin.cumulativeCapture()),
          f4(bin.minScore()),
          f4(bin.maxScore()));
    }
    return table.toString();
  }

  /** The calibration table: predicted against observed, bin by bin. */
  private static String calibration(List<CalibrationBin> bins) {
    StringBuilder text = new StringBuilder("Calibration, by predicted probability:\n");
    TextTable table = new TextTable("predicted", "rows", "mean predicted", "observed rate", "gap");
    for (CalibrationBin bin : bins) {
      table.row(
          String.format(Locale.ROOT, "%.1f-%.1f", bin.low(), bin.high()),
          bin.rows(),
          f4(bin.meanPredicted()),
          f4(bin.observedRate()),
          String.format(Locale.ROOT, "%+.4f", bin.observedRate() - bin.meanPredicted()));
    }
    return text.append(table).toString();
  }

  /** Widest a segment's value is shown; the JSON report holds it whole. */
  private static final int SEGMENT_WIDTH = 16;

  /** Segments the terminal shows, the largest; the JSON report holds them all. */
  private static final int SEGMENTS_SHOWN = 20;

  /** The main metrics per segment, "-" where a segment has none (see SegmentMetrics). */
  private static String segments(Segments segments) {
    StringBuilder text = new StringBuilder("By " + segments.column() + ":\n");
    TextTable table =
        new TextTable(
            clip(segments.column()),
            "rows",
            "resp.",
            "AUC",
            "95% CI",
            "PR-AUC",
            "log loss",
            "top lift");
    boolean anyUndefined = false;
    for (SegmentMetrics s :
        segments.segments().subList(0, Math.min(SEGMENTS_SHOWN, segments.segments().size()))) {
      anyUndefined |= !s.undefined().isEmpty();
      table.row(
          clip(s.value() == null ? "(missing)" : s.value()),
          s.rows(),
          pct(s.positiveRate()),
          s.auc() == null ? "-" : f4(s.auc()),
          s.aucLow() == null ? "-" : range(s.aucLow(), s.aucHigh()),
          s.prAuc() == null ? "-" : f4(s.prAuc()),
          f4(s.logLoss()),
          s.topLift() == null ? "-" : f2(s.topLift()));
    }
    text.append(table);
    int hidden = segments.segments().size() - SEGMENTS_SHOWN;
    if (hidden > 0) {
      text.append("  ... and ").append(count(hidden, "smaller segment")).append(" in the report\n");
    }
    if (anyUndefined) {
      text.append(
          "  -: not defined (a segment of one class has no ranking metrics; an interval\n"
              + "     needs two rows of each class)\n");
    }
    return text.toString();
  }

  /** A segment's value or column, cut to {@link #SEGMENT_WIDTH} with a ~ to show the cut. */
  private static String clip(String text) {
    return text.length() > SEGMENT_WIDTH ? text.substring(0, SEGMENT_WIDTH - 1) + "~" : text;
  }

  /** "0.7812-0.8034". */
  private static String range(double low, double high) {
    return f4(low) + "-" + f4(high);
  }

  /** "1 row", "4,119 rows". */
  static String count(long n, String noun) {
    return String.format(Locale.ROOT, "%,d %s%s", n, noun, n == 1 ? "" : "s");
  }

  private static String f4(double value) {
    return String.format(Locale.ROOT, "%.4f", value);
  }

  private static String f2(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  private static String pct(double value) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * value);
  }
}
