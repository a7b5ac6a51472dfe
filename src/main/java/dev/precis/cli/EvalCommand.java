package dev.precis.cli;

import dev.precis.PrecisException;
import dev.precis.config.ConfigOverride;
import dev.precis.config.PrecisConfig;
import dev.precis.eval.Comparison;
import dev.precis.evaluate.Evaluation;
import dev.precis.io.OutputFile;
import dev.precis.io.StandardStreams;
import dev.precis.model.ModelBundle;
import dev.precis.report.Baseline;
import dev.precis.report.EvalReport;
import dev.precis.report.HtmlReport;
import dev.precis.report.Reports;
import dev.precis.report.Summaries;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Score a labelled CSV with a model and report AUC, PR-AUC, log loss, threshold metrics, lift"
          + " and gains; for an uplift model (task: uplift), Qini AUC, AUUC, uplift@30%% and the"
          + " uplift by decile on the rows of both arms.",
      "Exits 4 when a quality gate (--fail-under, --fail-over, --max-drop) is not reached, or"
          + " with --fail-if-worse when the challenger's AUC is worse."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  precis eval --model bank.precis --data prepared/test.csv",
      "  precis eval --model bank.precis --data test.csv --by contact",
      "  precis eval --model bank.precis --data test.csv --html report.html",
      "  precis eval --model bank.precis --data prepared/test.csv --json \\",
      "      --fail-under auc=0.75 --fail-under lift@10=3 --fail-over log_loss=0.3",
      "  precis eval --model bank.precis --data test.csv --baseline last-report.json \\",
      "      --max-drop auc=0.01",
      "  precis eval --model champion.precis --challenger new.precis --data test.csv"
    })
final class EvalCommand extends PrecisCommand<EvalReport> {
  @Option(
      names = "--fail-under",
      paramLabel = "METRIC=MIN",
      description =
          "Quality gate (eval.gates), repeatable: auc, pr_auc, ks, accuracy, precision, recall, f1,"
              + " mcc, top_lift, lift@K or capture@K (top K%% of rows); for an uplift model qini,"
              + " auuc or uplift@K.")
  Map<String, String> failUnder = new LinkedHashMap<>();

  @Option(
      names = "--by",
      paramLabel = "COLUMN",
      description =
          "Also report the main metrics per value of this raw column (need not be a feature;"
              + " rows where it is missing form their own segment). Not the id column, nor a"
              + " personal one.")
  String by;

  @Option(
      names = "--fail-over",
      paramLabel = "METRIC=MAX",
      description =
          "Quality gate (eval.fail_over), repeatable: log_loss, brier, ece; psi (the largest"
              + " column's drift from training), score_psi.")
  Map<String, String> failOver = new LinkedHashMap<>();

  @Option(
      names = "--baseline",
      paramLabel = "REPORT",
      description = "An earlier eval report (JSON) to compare the metrics with.")
  Path baseline;

  @Option(
      names = "--max-drop",
      paramLabel = "METRIC=DROP",
      description =
          "Quality gate against --baseline (eval.max_drop), repeatable: the largest worsening"
              + " allowed (a rise, for log_loss, brier, ece).")
  Map<String, String> maxDrop = new LinkedHashMap<>();

  @Option(
      names = "--challenger",
      paramLabel = "FILE",
      description =
          "A second bundle scored on the same rows: paired differences from --model and a verdict.")
  Path challenger;

  @Option(
      names = "--fail-if-worse",
      description =
          "With --challenger: exit 4 when the challenger's AUC (an uplift model's Qini AUC) is"
              + " worse.")
  boolean failIfWorse;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "FILE",
      description = "Write the eval report (JSON) here, or - for standard output.")
  Path out;

  @Option(
      names = "--html",
      paramLabel = "FILE",
      description =
          "Also write the report as one self-contained HTML page (summary, gates, ROC, gains,"
              + " lift, calibration and profit charts), or - for standard output.")
  Path html;

  @Mixin ConfigOptions configOptions;
  @Mixin BundleInputs inputs;
  @Mixin OutputOptions output;
  @Mixin CommonOptions common;

  private OutputFile reportOut;
  private OutputFile htmlOut;

  @Override
  PrecisConfig baseConfig() {
    return inputs.bundle().config();
  }

  @Override
  List<ConfigOverride> overrides() {
    List<ConfigOverride> overrides = inputs.overrides();
    addGates(overrides, failUnder, "eval.gates.", "--fail-under");
    addGates(overrides, failOver, "eval.fail_over.", "--fail-over");
    addGates(overrides, maxDrop, "eval.max_drop.", "--max-drop");
    return overrides;
  }

  /** Adds each METRIC=LIMIT of a gate option as an override of {@code key}METRIC. */
  static void addGates(
      List<ConfigOverride> overrides, Map<String, String> gates, String key, String option) {
    gates.forEach(
        (metric, limit) ->
            overrides.add(
                new ConfigOverride(key + metric, limit, option + " " + metric + "=" + limit)));
  }

  @Override
  List<String> requiredToRun() {
    return List.of("--data");
  }

  @Override
  void checkOutputs(PrecisConfig config) {
    if (!maxDrop.isEmpty() && baseline == null) {
      throw PrecisException.usage("--max-drop needs --baseline REPORT, the report to compare with");
    }
    if (failIfWorse && challenger == null) {
      throw PrecisException.usage("--fail-if-worse needs --challenger FILE, the bundle to compare");
    }
    if (challenger != null && inputs.data != null && StandardStreams.isDash(inputs.data)) {
      throw PrecisException.usage(
          "--challenger reads --data twice, once per model: give a file, not standard input");
    }
    reportOut = out == null ? null : output.file("--out", out);
    htmlOut = html == null ? null : output.file("--html", html);
    List<Path> files = new ArrayList<>(inputs.files(configOptions.config));
    files.add(baseline);
    files.add(challenger);
    output.check(files, reportOut, htmlOut);
  }

  @Override
  EvalReport run(PrecisConfig config, Console console) {
    Evaluation.Against against =
        new Evaluation.Against(
            baseline,
            challenger == null ? null : ModelBundle.read(challenger),
            challenger,
            baseline == null ? null : Baseline.metrics(baseline));
    EvalReport report =
        Evaluation.run(inputs.bundle(), inputs.model, inputs.data, config, by, against);
    if (reportOut != null) {
      Reports.write(reportOut, report);
    }
    if (htmlOut != null) {
      HtmlReport.write(htmlOut, report);
    }
    console.say(Summaries.eval(report));
    Summaries.failedGates(report).forEach(console::verdict);
    if (challengerFails(report)) {
      console.verdict("challenger failed: " + Summaries.verdict(report.comparison()));
    }
    return report;
  }

  private boolean challengerFails(EvalReport report) {
    return failIfWorse && report.comparison().comparison().verdict() == Comparison.Verdict.WORSE;
  }

  @Override
  int exitCode(EvalReport report) {
    return report.passed() && !challengerFails(report) ? 0 : PrecisException.GATE;
  }
}
