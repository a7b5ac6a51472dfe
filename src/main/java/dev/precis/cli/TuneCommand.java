package dev.precis.cli;

import dev.precis.config.ConfigOverride;
import dev.precis.config.Mappers;
import dev.precis.config.PrecisConfig;
import dev.precis.io.OutputDirectory;
import dev.precis.io.StandardStreams;
import dev.precis.report.Reports;
import dev.precis.report.Summaries;
import dev.precis.report.TuneReport;
import dev.precis.tune.Tuner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "tune",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Random search over model parameters (tune.space, or the model's default space) with"
          + " stratified k-fold CV.",
      "Writes DIR/leaderboard.json and DIR/best.yaml, a config that `precis train --config` takes"
          + " as is."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  precis tune --config sample-data/bank/bank.yaml --trials 20 --folds 5 \\",
      "      --out tuned/",
      "  precis tune --data sample-data/bank/bank-additional.csv --target y \\",
      "      --model mlp --trials 10 --out tuned/",
      "  precis train --config tuned/best.yaml --out best.precis"
    })
final class TuneCommand extends PrecisCommand<TuneReport> {
  static final String LEADERBOARD = "leaderboard.json";
  static final String BEST = "best.yaml";

  @Mixin ModelTypeOption modelType;

  @Option(names = "--trials", paramLabel = "N", description = "Candidates to try (tune.trials).")
  String trials;

  @Option(names = "--folds", paramLabel = "K", description = "Cross-validation folds (tune.folds).")
  String folds;

  @Mixin DirectoryOut outDir;

  @Mixin ConfigOptions configOptions;
  @Mixin DataOptions dataOptions;
  @Mixin OutputOptions output;
  @Mixin CommonOptions common;

  private OutputDirectory directory;

  @Override
  List<ConfigOverride> overrides() {
    List<ConfigOverride> overrides = modelType.addTo(dataOptions.overrides());
    if (trials != null) {
      overrides.add(ConfigOverride.fromOption("--trials", "tune.trials", trials));
    }
    if (folds != null) {
      overrides.add(ConfigOverride.fromOption("--folds", "tune.folds", folds));
    }
    return overrides;
  }

  @Override
  List<String> requiredToRun() {
    return List.of("--out");
  }

  @Override
  void checkOutputs(PrecisConfig config) {
    directory = outDir.of(output, List.of(LEADERBOARD, BEST));
    output.check(configOptions.inputs(config), directory);
  }

  @Override
  TuneReport run(PrecisConfig config, Console console) {
    console.say(
        String.format(
            Locale.ROOT,
            "Tuning %s: %d trials x %d folds on %s ...",
            config.model().type(),
            config.tune().trials(),
            config.tune().folds(),
            config.data().path()));
    Tuner.Result result =
        Tuner.run(
            config,
            trial ->
                console.say(
                    Summaries.tuneTrial(trial, config.tune().trials(), config.tune().metric())));
    directory.write(
        dir -> {
          Files.writeString(
              dir.resolve(LEADERBOARD), Reports.json(result.report()), StandardCharsets.UTF_8);
          Files.writeString(
              dir.resolve(BEST), bestYaml(result, outDir.path), StandardCharsets.UTF_8);
        });
    console.say(Summaries.tune(result.report(), outDir.path.toString()));
    return result.report();
  }

  /**
   * The winning config. Config paths are read relative to the config file, so the data path is
   * written relative to best.yaml (../data/bank.csv): the directory and its data can move together,
   * and best.yaml names no path of this machine; data read from standard input leaves it out, to be
   * given with --data.
   */
  private static String bestYaml(Tuner.Result result, Path out) throws java.io.IOException {
    PrecisConfig best = result.best();
    boolean fromStdin = StandardStreams.isDash(best.data().path());
    best = best.withData(best.data().withPath(fromStdin ? null : dataPath(best, out)));
    TuneReport.Trial top = result.report().trials().get(0);
    String header =
        String.format(
            Locale.ROOT,
            "# Best of %d trials by mean %s over %d folds: %.4f ± %.4f (trial %d).%n"
                + "# Train it with: precis train --config %s%s --out model.precis%n",
            result.report().trials().size(),
            result.report().metric(),
            result.report().folds(),
            top.mean(),
            top.std(),
            top.trial(),
            out.resolve(BEST),
            fromStdin ? " --data FILE" : "");
    return header + Mappers.yaml().writeValueAsString(best);
  }

  private static String dataPath(PrecisConfig best, Path out) {
    Path data = Path.of(best.data().path()).toAbsolutePath().normalize();
    String relative = out.toAbsolutePath().normalize().relativize(data).toString();
    return relative.isEmpty() ? "." : relative;
  }
}
