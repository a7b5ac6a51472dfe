package dev.precis.cli;

import dev.precis.PrecisException;
import dev.precis.config.ConfigOverride;
import dev.precis.config.PrecisConfig;
import dev.precis.io.OutputFile;
import dev.precis.predict.BatchPrediction;
import dev.precis.report.PredictReport;
import dev.precis.report.Reports;
import dev.precis.report.Summaries;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "predict",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Score a customer CSV of any size with a model and pick who to target.",
      "Writes id (when the model has one), score, decile (among the training scores), with a"
          + " rule selected (1/0), and with --explain K the columns reason1 to reasonK.",
      "Reports the drift of each column and of the scores from the training rows; exits 4 after"
          + " writing the scores when a drift gate (--fail-over) is exceeded."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  precis predict --model bank.precis --out scores.csv --top-percent 10 \\",
      "      --data sample-data/bank/bank-additional.csv",
      "  precis predict --model bank.precis --data customers.csv.gz --out - \\",
      "      --threshold 0.3 | gzip > scores.csv.gz",
      "  precis predict --model bank.precis --data c.csv --out picks.csv --budget \\",
      "      --set 'eval.economics={cost: 2, value: 30, budget: {money: 9000}}'",
      "  precis predict --model bank.precis --data customers.csv --out why.csv \\",
      "      --explain 3",
      "  precis predict --model bank.precis --data c.csv --out s.csv \\",
      "      --fail-over psi=0.25 --fail-over score_psi=0.1"
    })
final class PredictCommand extends PrecisCommand<PredictReport> {
  @Option(
      names = {"-o", "--out"},
      paramLabel = "FILE",
      description = "Scored CSV to write, or - for standard output (required).")
  Path out;

  @Option(
      names = "--top-percent",
      paramLabel = "P",
      description = "Select the top-scoring P%% of rows (predict.top_percent).")
  String topPercent;

  @Option(
      names = "--threshold",
      paramLabel = "T",
      description = "Select rows scoring at least T (predict.threshold).")
  String threshold;

  @Option(
      names = "--budget",
      description =
          "Select the rows worth contacting under eval.economics, best first, within its budget"
              + " (predict.budget).")
  boolean budget;

  @Option(
      names = "--explain",
      paramLabel = "K",
      description =
          "Add the K strongest reasons per row, columns reason1 to reasonK (predict.explain).")
  String explain;

  @Option(
      names = "--fail-over",
      paramLabel = "METRIC=MAX",
      description =
          "Drift gate (predict.fail_over), repeatable: psi (the largest column's PSI against the"
              + " training rows) or score_psi.")
  Map<String, String> failOver = new LinkedHashMap<>();

  @Option(
      names = "--summary",
      paramLabel = "FILE",
      description =
          "Summary report (JSON), or - for standard output; default <out>.summary.json beside a"
              + " file output.")
  Path summary;

  @Mixin ConfigOptions configOptions;
  @Mixin BundleInputs inputs;
  @Mixin OutputOptions output;
  @Mixin CommonOptions common;

  private OutputFile scores;
  private OutputFile summaryOut;

  @Override
  PrecisConfig baseConfig() {
    return inputs.bundle().config();
  }

  @Override
  List<ConfigOverride> overrides() {
    List<ConfigOverride> overrides = inputs.overrides();
    if (topPercent != null) {
      overrides.add(ConfigOverride.fromOption("--top-percent", "predict.top_percent", topPercent));
      overrides.add(ConfigOverride.fromOption("--top-percent", "predict.threshold", "null"));
    }
    if (threshold != null) {
      overrides.add(ConfigOverride.fromOption("--threshold", "predict.threshold", threshold));
      overrides.add(ConfigOverride.fromOption("--threshold", "predict.top_percent", "null"));
    }
    EvalCommand.addGates(overrides, failOver, "predict.fail_over.", "--fail-over");
    if (explain != null) {
      overrides.add(ConfigOverride.fromOption("--explain", "predict.explain", explain));
    }
    if (budget) {
      overrides.add(ConfigOverride.fromOption("--budget", "predict.budget", "true"));
      overrides.add(ConfigOverride.fromOption("--budget", "predict.top_percent", "null"));
      overrides.add(ConfigOverride.fromOption("--budget", "predict.threshold", "null"));
    } else if (topPercent != null || threshold != null) {
      overrides.add(
          ConfigOverride.fromOption(
              topPercent != null ? "--top-percent" : "--threshold", "predict.budget", "false"));
    }
    if ((topPercent != null ? 1 : 0) + (threshold != null ? 1 : 0) + (budget ? 1 : 0) > 1) {
      throw PrecisException.usage("give one of --top-percent, --threshold or --budget");
    }
    return overrides;
  }

  @Override
  List<String> requiredToRun() {
    return List.of("--out", "--data");
  }

  @Override
  void checkOutputs(PrecisConfig config) {
    scores = output.file("--out", out);
    summaryOut =
        summary != null
            ? output.file("--summary", summary)
            : scores.sibling(".summary.json", "--summary").orElse(null);
    output.check(inputs.files(configOptions.config), scores, summaryOut);
  }

  @Override
  PredictReport run(PrecisConfig config, Console console) {
    PredictReport report =
        new BatchPrediction(
                inputs.bundle(),
                config,
                rows -> console.progress(String.format(Locale.ROOT, "scored %,d rows", rows)))
            .run(inputs.model, inputs.data, scores);
    console.endProgress();
    if (summaryOut != null) {
      Reports.write(summaryOut, report);
    }
    console.say(Summaries.predict(report));
    Summaries.failedGates(report.gates()).forEach(console::verdict);
    return report;
  }

  /** A failed drift gate exits 4 after the scores are written: they are right, the file is odd. */
  @Override
  int exitCode(PredictReport report) {
    return report.passed() ? 0 : PrecisException.GATE;
  }
}
