package dev.precis.cli;

import dev.precis.config.ConfigOverride;
import dev.precis.config.PrecisConfig;
import dev.precis.io.OutputFile;
import dev.precis.io.StandardStreams;
import dev.precis.report.Reports;
import dev.precis.report.Summaries;
import dev.precis.report.TrainHtmlReport;
import dev.precis.report.TrainReport;
import dev.precis.train.ModelTraining;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Fit a response model on a raw CSV (prepared in memory) or a `prep` directory, and report its"
          + " held-out metrics.",
      "Writes the model bundle (--out) and a JSON report beside it."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  precis train --config sample-data/bank/bank.yaml --out bank.precis",
      "  precis train --data sample-data/bank/bank-additional.csv --target y \\",
      "      --model mlp --out mlp.precis",
      "  precis train --config sample-data/bank/bank.yaml --out bank.precis \\",
      "      --html train.html",
      "  precis train --data prepared/ --set model.params.epochs=30 \\",
      "      --out bank.precis --force"
    })
final class TrainCommand extends PrecisCommand<TrainReport> {
  @Mixin ModelTypeOption modelType;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "FILE",
      description =
          "Model bundle to write, e.g. model.precis, or - for standard output (required).")
  Path out;

  @Option(
      names = "--report",
      paramLabel = "FILE",
      description =
          "Train report (JSON), or - for standard output; by default it is written beside a"
              + " bundle file and named after it.")
  Path report;

  @Option(
      names = "--html",
      paramLabel = "FILE",
      description =
          "Also write the train report as one self-contained HTML page (summary, metrics, ROC,"
              + " precision-recall, gains, lift and calibration charts of the validation rows, top"
              + " columns), or - for standard output.")
  Path html;

  @Mixin ConfigOptions configOptions;
  @Mixin DataOptions dataOptions;
  @Mixin OutputOptions output;
  @Mixin CommonOptions common;

  private OutputFile bundleOut;
  private OutputFile reportOut;
  private OutputFile htmlOut;

  @Override
  List<ConfigOverride> overrides() {
    List<ConfigOverride> overrides = modelType.addTo(dataOptions.overrides());
    return overrides;
  }

  @Override
  List<String> requiredToRun() {
    return List.of("--out");
  }

  @Override
  void checkOutputs(PrecisConfig config) {
    bundleOut = output.file("--out", out);
    reportOut =
        report != null
            ? output.file("--report", report)
            : bundleOut.sibling(".train-report.json", "--report").orElse(null);
    htmlOut = html == null ? null : output.file("--html", html);
    output.check(configOptions.inputs(config), bundleOut, reportOut, htmlOut);
  }

  @Override
  TrainReport run(PrecisConfig config, Console console) {
    console.say(
        "Training "
            + config.model().type()
            + " on "
            + StandardStreams.name(config.data().path())
            + " ...");
    ModelTraining.Result result = ModelTraining.train(config, out);
    bundleOut.write(result.bundle()::write);
    if (reportOut != null) {
      Reports.write(reportOut, result.report());
    }
    if (htmlOut != null) {
      TrainHtmlReport.write(htmlOut, result.report());
    }
    console.say(
        Summaries.train(
            result.report(),
            bundleOut.toString(),
            reportOut == null ? null : reportOut.toString()));
    return result.report();
  }
}
