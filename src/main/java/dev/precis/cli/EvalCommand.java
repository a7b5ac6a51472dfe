package dev.precis.cli;

import dev.precis.PrecisException;
import dev.precis.config.ConfigOverride;
import dev.precis.config.PrecisConfig;
import dev.precis.evaluate.Evaluation;
import dev.precis.io.OutputFile;
import dev.precis.report.EvalReport;
import dev.precis.report.Reports;
import dev.precis.report.Summaries;
import java.nio.file.Path;
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
          + " and gains.",
      "Exits 4 when a quality gate (--fail-under or eval.gates) is not reached."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  precis eval --model bank.precis --data prepared/test.csv",
      "  precis eval --model bank.precis --data test.csv --by contact",
      "  precis eval --model bank.precis --data prepared/test.csv --json \\",
      "      --fail-under auc=0.75 --fail-under top_lift=3"
    })
final class EvalCommand extends PrecisCommand<EvalReport> {
  @Option(
      names = "--fail-under",
      paramLabel = "METRIC=MIN",
      description =
          "Quality gate (eval.gates), repeatable: auc, pr_auc, ks, accuracy, precision, recall, f1,"
              + " mcc, top_lift.")
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
      names = {"-o", "--out"},
      paramLabel = "FILE",
      description = "Write the eval report (JSON) here, or - for standard output.")
  Path out;

  @Mixin ConfigOptions configOptions;
  @Mixin BundleInputs inputs;
  @Mixin OutputOptions output;
  @Mixin CommonOptions common;

  private OutputFile reportOut;

  @Override
  PrecisConfig baseConfig() {
    return inputs.bundle().config();
  }

  @Override
  List<ConfigOverride> overrides() {
    List<ConfigOverride> overrides = inputs.overrides();
    failUnder.forEach(
        (metric, min) ->
            overrides.add(
                new ConfigOverride(
                    "eval.gates." + metric, min, "--fail-under " + metric + "=" + min)));
    return overrides;
  }

  @Override
  List<String> requiredToRun() {
    return List.of("--data");
  }

  @Override
  void checkOutputs(PrecisConfig config) {
    reportOut = out == null ? null : output.file("--out", out);
    output.check(inputs.files(configOptions.config), reportOut);
  }

  @Override
  EvalReport run(PrecisConfig config, Console console) {
    EvalReport report = Evaluation.run(inputs.bundle(), inputs.model, inputs.data, config, by);
    if (reportOut != null) {
      Reports.write(reportOut, report);
    }
    console.say(Summaries.eval(report));
    Summaries.failedGates(report).forEach(console::verdict);
    return report;
  }

  @Override
  int exitCode(EvalReport report) {
    return report.passed() ? 0 : PrecisException.GATE;
  }
}
