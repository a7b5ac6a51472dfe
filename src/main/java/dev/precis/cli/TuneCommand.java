package dev.precis.cli;

import dev.precis.config.ConfigOverride;
import dev.precis.config.Mappers;
import dev.precis.config.PrecisConfig;
import dev.precis.io.OutputDirectory;
import dev.precis.io.StandardStreams;
import dev.precis.report.Reports;
import dev.precis.report.Summaries;
import dev.precis.report.TuneReport;
import dev.precis.train.ModelTraining;
import dev.precis.tune.Journal;
import dev.precis.tune.SearchSpace;
import dev.precis.tune.Tuner;
import java.io.OutputStream;
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
      "Search model types and their parameters (tune.models, tune.space, or each type's default"
          + " space) by stratified k-fold CV: grid, random, successive halving or TPE.",
      "Writes DIR/leaderboard.json, DIR/best.yaml (a config that `precis train --config` takes as"
          + " is) and DIR/trials.jsonl (the journal --resume continues); with --refit,"
          + " DIR/best.precis."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  precis tune --config sample-data/bank/bank.yaml --trials 20 --folds 5 \\",
      "      --out tuned/",
      "  precis tune --data sample-data/bank/bank-additional.csv --target y \\",
      "      --set 'tune.models=[logistic, mlp]' --strategy halving \\",
      "      --time-budget 15m --refit --out tuned/",
      "  precis tune --config sample-data/bank/bank.yaml --out tuned/ --resume",
      "  precis train --config tuned/best.yaml --out best.precis"
    })
final class TuneCommand extends PrecisCommand<TuneReport> {
  static final String LEADERBOARD = "leaderboard.json";
  static final String BEST = "best.yaml";
  static final String REFIT = "best.precis";
  static final String REFIT_REPORT = "best.train-report.json";

  @Mixin ModelTypeOption modelType;

  @Option(names = "--trials", paramLabel = "N", description = "Candidates to try (tune.trials).")
  String trials;

  @Option(names = "--folds", paramLabel = "K", description = "Cross-validation folds (tune.folds).")
  String folds;

  @Option(
      names = "--strategy",
      paramLabel = "S",
      description = "grid, random, halving or tpe (tune.strategy).")
  String strategy;

  @Option(
      names = "--time-budget",
      paramLabel = "D",
      description =
          "Start no trial after this long, e.g. 90s, 15m, 1h (tune.time_budget); running trials"
              + " stop at their next fold.")
  String timeBudget;

  @Option(
      names = "--resume",
      description =
          "Continue the search whose journal (trials.jsonl) is in --out: finished trials are not"
              + " run again.")
  boolean resume;

  @Option(
      names = "--refit",
      description =
          "Train the best config as `precis train` would and write DIR/best.precis and its"
              + " report.")
  boolean refit;

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
    if (strategy != null) {
      overrides.add(ConfigOverride.fromOption("--strategy", "tune.strategy", strategy));
    }
    if (timeBudget != null) {
      overrides.add(ConfigOverride.fromOption("--time-budget", "tune.time_budget", timeBudget));
    }
    return overrides;
  }

  @Override
  List<String> requiredToRun() {
    return List.of("--out");
  }

  @Override
  void checkOutputs(PrecisConfig config) {
    // A resumed search replaces the outputs of the run it continues.
    directory =
        new OutputDirectory(
            "--out",
            outDir.path,
            output.force || resume,
            List.of(LEADERBOARD, BEST, REFIT, REFIT_REPORT));
    Journal.check(outDir.path, resume, output.force);
    output.check(configOptions.inputs(config), directory);
  }

  @Override
  TuneReport run(PrecisConfig config, Console console) {
    console.progress(
        String.format(
            Locale.ROOT,
            "Tuning %s (%s) on %s ...",
            String.join(", ", SearchSpace.models(config)),
            config.tune().strategy().name().toLowerCase(Locale.ROOT),
            StandardStreams.name(config.data().path())));
    Tuner.Result result =
        Tuner.run(
            config,
            outDir.path,
            resume,
            p ->
                console.progress(
                    Summaries.tuneProgress(
                        p.done(), p.planned(), p.best(), config.tune().metric(), p.etaSeconds())));
    console.endProgress();
    Path bundlePath = outDir.path.resolve(REFIT);
    ModelTraining.Result refitted =
        refit ? ModelTraining.trainOnAllRows(result.best(), bundlePath) : null;
    directory.write(
        dir -> {
          Files.writeString(
              dir.resolve(LEADERBOARD), Reports.json(result.report()), StandardCharsets.UTF_8);
          Files.writeString(
              dir.resolve(BEST), bestYaml(result, outDir.path), StandardCharsets.UTF_8);
          if (refitted != null) {
            try (OutputStream out = Files.newOutputStream(dir.resolve(REFIT))) {
              refitted.bundle().write(out);
            }
            Files.writeString(
                dir.resolve(REFIT_REPORT), Reports.json(refitted.report()), StandardCharsets.UTF_8);
          }
        });
    console.say(
        Summaries.tune(
            result.report(),
            outDir.path.toString(),
            refitted == null ? null : bundlePath.toString()));
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
            "# Best of %d trials by mean %s over %d folds: %s %.4f ± %.4f (trial %d).%n"
                + "# Train it with: precis train --config %s%s --out model.precis%n",
            result.report().trials().size(),
            result.report().metric(),
            result.report().folds(),
            top.family(),
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
