package dev.precis.cli;

import dev.precis.PrecisException;
import dev.precis.config.ConfigOverride;
import dev.precis.config.PrecisConfig;
import dev.precis.evaluate.Evaluation;
import dev.precis.io.OutputFile;
import dev.precis.model.ModelBundle;
import dev.precis.report.EvalReport;
import dev.precis.report.Reports;
import dev.precis.report.Summaries;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

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
      "  precis eval --model bank.precis --data prepared/test.csv --json \\",
      "      --fail-under auc=0.75 --fail-under top_lift=3"
    })
final class EvalCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--fail-under",
      paramLabel = "METRIC=MIN",
      description =
          "Quality gate (eval.gates), repeatable: auc, pr_auc, ks, accuracy, precision, recall, f1,"
              + " mcc, top_lift.")
  Map<String, String> failUnder = new LinkedHashMap<>();

  @Option(
      names = {"-o", "--out"},
      paramLabel = "FILE",
      description = "Write the eval report (JSON) here, or - for standard output.")
  Path out;

  @Mixin ConfigOptions configOptions;
  @Mixin BundleInputs inputs;
  @Mixin OutputOptions output;
  @Mixin CommonOptions common;

  @Override
  public Integer call() {
    common.configureLogging();
    ModelBundle bundle = ModelBundle.read(inputs.model);
    List<ConfigOverride> overrides = inputs.overrides();
    failUnder.forEach(
        (metric, min) ->
            overrides.add(
                new ConfigOverride(
                    "eval.gates." + metric, min, "--fail-under " + metric + "=" + min)));
    PrecisConfig config = configOptions.loadOver(bundle.config(), overrides);
    if (configOptions.printed(config, spec.commandLine().getOut())) {
      return 0;
    }
    RequiredOptions.check(spec, "--data");
    OutputFile reportOut = out == null ? null : output.file("--out", out);
    output.check(inputs.files(configOptions.config), reportOut);
    EvalReport report = Evaluation.run(bundle, inputs.model, inputs.data, config);
    if (reportOut != null) {
      Reports.write(reportOut, report);
    }
    Console console = new Console(spec.commandLine().getErr(), common.quiet);
    console.say(Summaries.eval(report));
    Summaries.failedGates(report).forEach(console::verdict);
    if (output.json) {
      Outputs.printJson(spec.commandLine().getOut(), report);
    }
    return report.passed() ? 0 : PrecisException.GATE;
  }
}
