package dev.precis.cli;

import dev.precis.config.ConfigOverride;
import dev.precis.config.PrecisConfig;
import dev.precis.data.DataProfile;
import dev.precis.data.Experiment;
import dev.precis.data.PartLayout;
import dev.precis.data.PipelineNeeds;
import dev.precis.data.Preparation;
import dev.precis.data.PreparedDirectory;
import dev.precis.data.Rebalancing;
import dev.precis.data.SentinelCounts;
import dev.precis.io.OutputDirectory;
import dev.precis.model.ModelCatalog;
import dev.precis.report.BalanceSummary;
import dev.precis.report.PrepReport;
import dev.precis.report.ReportHeader;
import dev.precis.report.Reports;
import dev.precis.report.Summaries;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "prep",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Profile a raw CSV, clean and encode it, split it (stratified, seeded) and write the parts.",
      "Writes DIR/train.csv, valid.csv, test.csv (encoded features + target as 1/0), pipeline.json,"
          + " prepared.json (the parts' digests: eval and predict read a part as encoded only"
          + " beside it) and prep-report.json.",
      "A part has a column per feature, or, past 1,000 features (text columns), one column of"
          + " index:value pairs of the nonzero ones (prep.layout: auto | dense | sparse).",
      "The pipeline gives the features the model type (--model) needs: scaled numbers for"
          + " logistic and mlp, numbers as they are for trees, [0, 1] for naive-bayes."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  precis prep --config sample-data/bank/bank.yaml --out prepared/",
      "  precis prep --data sample-data/bank/bank-additional.csv --target y \\",
      "      --positive yes --model xgboost --out prepared/"
    })
final class PrepCommand extends PrecisCommand<PrepReport> {
  static final String REPORT = "prep-report.json";

  /** What prep may write in its directory; nothing else there is touched. */
  private static final List<String> FILES =
      Stream.concat(Stream.of(REPORT), PreparedDirectory.FILES.stream()).toList();

  @Mixin ModelTypeOption modelType;
  @Mixin DirectoryOut outDir;

  @Mixin ConfigOptions configOptions;
  @Mixin DataOptions dataOptions;
  @Mixin OutputOptions output;
  @Mixin CommonOptions common;

  private OutputDirectory directory;

  @Override
  List<ConfigOverride> overrides() {
    return modelType.addTo(dataOptions.overrides());
  }

  @Override
  List<String> requiredToRun() {
    return List.of("--out");
  }

  @Override
  void checkOutputs(PrecisConfig config) {
    directory = outDir.of(output, FILES);
    output.check(configOptions.inputs(config), directory);
  }

  @Override
  PrepReport run(PrecisConfig config, Console console) {
    long start = System.nanoTime();
    // prep fits the pipeline the configured model family will be trained on
    PipelineNeeds needs = ModelCatalog.type(config.model().type()).needs();
    Preparation prep = Preparation.run(config, needs);
    PartLayout layout =
        PartLayout.of(config.prep().layout(), prep.data().pipeline().featureCount());
    PrepReport report = report(config, prep, layout, start);
    directory.write(
        dir -> {
          PreparedDirectory.write(dir, prep.data(), needs, layout);
          Files.writeString(dir.resolve(REPORT), Reports.json(report), StandardCharsets.UTF_8);
        });
    console.say(Summaries.prep(report, outDir.path.toString()));
    return report;
  }

  private static PrepReport report(
      PrecisConfig config, Preparation prep, PartLayout layout, long start) {
    var data = prep.data();
    Map<String, PrepReport.PartSummary> splits = new LinkedHashMap<>();
    splits.put("train", PrepReport.PartSummary.of(data.train().y()));
    splits.put("valid", PrepReport.PartSummary.of(data.valid().y()));
    splits.put("test", PrepReport.PartSummary.of(data.test().y()));
    List<String> outputs =
        new java.util.ArrayList<>(
            List.of(PreparedDirectory.PIPELINE, PreparedDirectory.MANIFEST, REPORT));
    splits.forEach(
        (name, part) -> {
          if (part.rows() > 0) {
            outputs.add(name + ".csv");
          }
        });
    var target = prep.target();
    Map<String, Double> timings = new LinkedHashMap<>();
    timings.put("total", Reports.secondsSince(start));
    PrecisConfig resolved = config.withData(config.data().withPositive(target.positive()));
    return new PrepReport(
        ReportHeader.now(PrepReport.SCHEMA),
        prep.table().input(),
        config.seed(),
        prep.table().dialect().delimiterName(),
        prep.table().dialect().header(),
        new PrepReport.TargetSummary(target.column(), target.positive(), target.counts()),
        data.unlabelled(),
        DataProfile.of(prep, config.data(), config.prep()),
        prep.schema().warnings(),
        data.pipeline().featureCount(),
        layout,
        splits,
        BalanceSummary.of(
            config.prep().imbalance(),
            data.train(),
            Rebalancing.apply(config.prep().imbalance(), data.train(), config.seed())),
        outputs,
        resolved,
        timings,
        SentinelCounts.of(prep.table(), config.prep().missing().sentinels()),
        Experiment.of(prep, config));
  }
}
