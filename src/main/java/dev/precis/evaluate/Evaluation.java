package dev.precis.evaluate;

import dev.precis.PrecisException;
import dev.precis.config.Economics;
import dev.precis.config.PrecisConfig;
import dev.precis.data.FeatureDrift;
import dev.precis.data.FeatureTally;
import dev.precis.data.LabelTally;
import dev.precis.eval.BinaryMetrics;
import dev.precis.eval.CalibrationBin;
import dev.precis.eval.CalibrationTable;
import dev.precis.eval.CampaignEconomics;
import dev.precis.eval.CampaignProfit;
import dev.precis.eval.Comparison;
import dev.precis.eval.DeLong;
import dev.precis.eval.GateResult;
import dev.precis.eval.Gates;
import dev.precis.eval.Metrics;
import dev.precis.eval.PairedComparison;
import dev.precis.eval.RocCurve;
import dev.precis.eval.ScoreDrift;
import dev.precis.eval.Segments;
import dev.precis.io.InputFile;
import dev.precis.model.ModelBundle;
import dev.precis.model.ScoredBlock;
import dev.precis.model.SkippedRows;
import dev.precis.model.StreamingScorer;
import dev.precis.model.UpliftTask;
import dev.precis.report.Baseline;
import dev.precis.report.ChallengerComparison;
import dev.precis.report.EvalReport;
import dev.precis.report.ReportHeader;
import dev.precis.report.Reports;
import dev.precis.report.ThresholdUsed;
import dev.precis.report.TrainingImportance;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Scores a labelled file with a bundle and measures the result: overall, per segment when asked,
 * against the gates, an earlier report and a challenger.
 */
public final class Evaluation {
  /** The task names of {@link EvalReport#task}. */
  static final String RESPONSE = "response";

  static final String UPLIFT = "uplift";

  private Evaluation() {}

  /**
   * What eval holds the model against besides its gates: an earlier report (--baseline) and a
   * challenger bundle scored on the same rows (--challenger); either may be null.
   */
  public record Against(
      Path baseline, ModelBundle challenger, Path challengerPath, BinaryMetrics baselineMetrics) {
    public static final Against NOTHING = new Against(null, null, null, null);
  }

  public static EvalReport run(
      ModelBundle bundle, Path modelPath, Path dataPath, PrecisConfig config) {
    return run(bundle, modelPath, dataPath, config, null, Against.NOTHING);
  }

  /**
   * @param segmentBy a raw column to measure each value of apart (eval --by), or null
   * @throws PrecisException (usage) when {@code segmentBy} is the id column or a personal one,
   *     whose values a report must not show
   */
  public static EvalReport run(
      ModelBundle bundle,
      Path modelPath,
      Path dataPath,
      PrecisConfig config,
      String segmentBy,
      Against against) {
    long start = System.nanoTime();
    if (bundle.manifest().task() instanceof UpliftTask task) {
      refuseUnderUplift(segmentBy, against);
      return UpliftEvaluation.run(bundle, task, modelPath, dataPath, config, against, start);
    }
    if (segmentBy != null) {
      checkShowable(segmentBy, bundle, config);
    }
    Collected collected =
        score(
            bundle,
            dataPath,
            config,
            segmentBy,
            bundle.featureTally().orElse(null),
            block -> block);
    Scored scored =
        new Scored(
            Arrays.copyOf(collected.scores, collected.rows),
            Arrays.copyOf(collected.labels, collected.rows),
            segmentBy == null ? null : Arrays.copyOf(collected.segments, collected.rows),
            collected.skipped.count(),
            collected.skipped.examples(),
            collected.unseen,
            collected.seen,
            collected.drift);
    return measure(
        bundle,
        InputFile.of(modelPath),
        new InputFile(dataPath.toString(), collected.sha256),
        config,
        scored,
        segmentBy,
        against,
        start);
  }

  /**
   * Rows scored elsewhere (by a Spark job, or by {@link #run}), in file order.
   *
   * @param segments each row's segment (eval --by), or null
   * @param skippedExamples the first few rows not scored, as "where: reason"
   * @param unseen per column, the rows whose level training never saw
   * @param seen the label values met, for the message when all rows are of one class
   * @param drift the rows counted per feature in its training bins; null when the bundle keeps no
   *     bins to count in
   */
  public record Scored(
      double[] scores,
      boolean[] labels,
      String[] segments,
      long skipped,
      List<String> skippedExamples,
      Map<String, Long> unseen,
      LabelTally seen,
      FeatureTally drift) {}

  /**
   * Measures scored rows as {@link #run} does: the same report, gates and figures.
   *
   * @param start when the evaluation began ({@link System#nanoTime}), for the report's timings
   */
  public static EvalReport measure(
      ModelBundle bundle,
      InputFile model,
      InputFile data,
      PrecisConfig config,
      Scored scored,
      String segmentBy,
      Against against,
      long start) {
    double[] scores = scored.scores();
    boolean[] labels = scored.labels();
    BinaryMetrics metrics =
        Metrics.ifDefined(scores, labels, config.eval())
            .orElseThrow(() -> oneClass(data.path(), bundle.pipeline().target(), scored.seen()));
    List<GateResult> gates = new ArrayList<>(Gates.check(config.eval(), metrics, scores, labels));
    ScoreDrift scoreDrift = scoreDrift(bundle, scores);
    FeatureDrift featureDrift = FeatureDrift.ofCounted(scored.drift(), bundle.pipeline());
    gates.addAll(Gates.drift(config.eval().failOver(), featureDrift.psi(), scoreDrift.psi()));
    Baseline baseline = null;
    if (against.baseline() != null) {
      baseline =
          Baseline.compare(
              against.baseline(), against.baselineMetrics(), metrics, config.eval().maxDrop());
      gates.addAll(baseline.gates());
    }
    ChallengerComparison comparison = null;
    if (against.challenger() != null) {
      comparison = challenge(against, Path.of(data.path()), config, scores, labels);
    }
    List<CalibrationBin> calibration = CalibrationTable.of(scores, labels);
    Segments segments =
        segmentBy == null
            ? null
            : Segments.of(
                segmentBy,
                scored.segments(),
                scores,
                labels,
                metrics.atThreshold().threshold(),
                config.eval().bins());
    Economics money = config.eval().economics();
    CampaignProfit economics =
        money == null ? null : CampaignEconomics.of(scores, labels, money, config.eval().bins());
    Map<String, Double> timings = new LinkedHashMap<>();
    timings.put("total", Reports.secondsSince(start));
    return new EvalReport(
        ReportHeader.now(EvalReport.SCHEMA),
        model,
        data,
        config.seed(),
        metrics,
        scored.skipped(),
        scored.skippedExamples(),
        scored.unseen(),
        gates,
        gates.stream().allMatch(GateResult::passed),
        config,
        timings,
        aucInterval(scores, labels, metrics),
        2 * metrics.auc() - 1,
        calibration,
        segments,
        baseline,
        comparison,
        scoreDrift,
        new ThresholdUsed(
            metrics.atThreshold().threshold(),
            config.eval().threshold().by().name().toLowerCase(java.util.Locale.ROOT)),
        economics,
        RocCurve.of(scores, labels, RocCurve.POINTS),
        featureDrift,
        RESPONSE,
        null,
        topFeatures(bundle, model.path()));
  }

  /** The importance the bundle keeps from its training run; null when it keeps none. */
  private static TrainingImportance topFeatures(ModelBundle bundle, String path) {
    return bundle.importance().map(json -> TrainingImportance.read(json, path)).orElse(null);
  }

  /**
   * Refuses what works on response metrics, which an uplift score has not: a segment column and a
   * baseline report.
   */
  private static void refuseUnderUplift(String segmentBy, Against against) {
    String option =
        segmentBy != null
            ? "--by " + segmentBy
            : against.baseline() != null ? "--baseline " + against.baseline() : null;
    if (option != null) {
      throw PrecisException.usage(
          option
              + ": works on response metrics (AUC, lift), and an uplift model (task: uplift) is"
              + " measured by Qini AUC and uplift@k; leave the option out");
    }
  }

  /** The scores' drift from the bundle's training scores, over its score bins. */
  static ScoreDrift scoreDrift(ModelBundle bundle, double[] scores) {
    return ScoreDrift.of(scores, bundle.bins().cuts().size() + 1, bundle.bins()::bin);
  }

  /** DeLong's interval needs two rows of each class; a file with fewer has none. */
  private static DeLong.Interval aucInterval(
      double[] scores, boolean[] labels, BinaryMetrics metrics) {
    long negatives = metrics.rows() - metrics.positives();
    return metrics.positives() >= 2 && negatives >= 2 ? DeLong.auc(scores, labels) : null;
  }

  /** Refuses a segment column whose values are personal or identify a row. */
  private static void checkShowable(String column, ModelBundle bundle, PrecisConfig config) {
    String why = null;
    if (column.equals(bundle.pipeline().id()) || column.equals(config.data().id())) {
      why = "the id column (data.id)";
    } else if (bundle.pipeline().pii().columns().containsKey(column)
        || config.data().pii().containsKey(column)) {
      why = "declared personal (data.pii)";
    }
    if (why != null) {
      throw PrecisException.usage(
          "--by "
              + column
              + ": the column is "
              + why
              + ", and a report must not show its values; segment by another column");
    }
  }

  /**
   * @param segmentBy the column whose value each row's segment is, or null
   * @param drift an empty tally to count the rows per feature into, or null for none
   * @param keep what of each scored block to keep, run on the scoring threads
   */
  static Collected score(
      ModelBundle bundle,
      Path dataPath,
      PrecisConfig config,
      String segmentBy,
      FeatureTally drift,
      Function<ScoredBlock, ScoredBlock> keep) {
    Collected collected = new Collected();
    collected.drift = drift;
    collected.sha256 =
        new StreamingScorer(
                bundle,
                dataPath,
                config.data(),
                StreamingScorer.Mode.LABELLED,
                config.engine().effectiveThreads(),
                config.predict().badRows() == dev.precis.config.PredictConfig.BadRows.SKIP)
            .segmentedBy(segmentBy)
            .measuringDrift(drift == null ? null : drift.empty())
            .run(keep, collected::add);
    if (collected.rows == 0) {
      throw PrecisException.data(dataPath + ": has no labelled rows to evaluate");
    }
    return collected;
  }

  /** Scores the same file with the challenger and compares it, row for row, with the champion. */
  private static ChallengerComparison challenge(
      Against against, Path dataPath, PrecisConfig config, double[] scores, boolean[] labels) {
    if (against.challenger().manifest().task() instanceof UpliftTask) {
      throw PrecisException.usage(
          "--challenger "
              + against.challengerPath()
              + ": is an uplift model (task: uplift), and --model a response model; compare a"
              + " model with one of its own task");
    }
    Collected other = score(against.challenger(), dataPath, config, null, null, block -> block);
    boolean[] otherLabels = Arrays.copyOf(other.labels, other.rows);
    if (!Arrays.equals(labels, otherLabels)) {
      throw PrecisException.data(
          dataPath
              + ": the champion scored "
              + labels.length
              + " rows and the challenger "
              + other.rows
              + " with other labels (rows skipped by one model only?); a comparison needs the"
              + " same rows");
    }
    double[] challengerScores = Arrays.copyOf(other.scores, other.rows);
    BinaryMetrics challengerMetrics =
        Metrics.ifDefined(challengerScores, otherLabels, config.eval()).orElseThrow();
    Comparison comparison =
        PairedComparison.compare(
            scores,
            challengerScores,
            labels,
            config.eval().bins(),
            config.eval().resamples(),
            config.seed());
    Economics money = config.eval().economics();
    return new ChallengerComparison(
        InputFile.of(against.challengerPath()),
        challengerMetrics,
        comparison,
        RocCurve.of(challengerScores, labels, RocCurve.POINTS),
        CalibrationTable.of(challengerScores, labels),
        money == null
            ? null
            : CampaignEconomics.of(challengerScores, labels, money, config.eval().bins()),
        null,
        topFeatures(against.challenger(), against.challengerPath().toString()));
  }

  /**
   * Why a file whose scored rows are all of one class cannot be evaluated: it holds a single value,
   * or its values are not written as the model's positive value is (another case, another code).
   */
  private static PrecisException oneClass(String dataPath, String target, LabelTally seen) {
    String positive = "'" + seen.positive() + "'";
    String only = seen.onlyValue();
    if (only == null) {
      return PrecisException.data(
          dataPath
              + ": no row's target '"
              + target
              + "' equals the model's positive value "
              + positive
              + " (seen: "
              + seen.describe()
              + "); the labels must be written as in training");
    }
    return PrecisException.data(
        dataPath
            + ": every labelled row's target '"
            + target
            + "' is '"
            + only
            + "'"
            + (only.equals(seen.positive())
                ? ", the positive value; AUC and lift need non-responders too"
                : "; AUC and lift need responders too, rows whose target is " + positive));
  }

  /** Scores, labels and label values gathered block by block, in file order. */
  static final class Collected {
    double[] scores = new double[1 << 16];
    boolean[] labels = new boolean[1 << 16];
    String[] segments = new String[1 << 16];
    int rows;
    final SkippedRows skipped = new SkippedRows();
    LabelTally seen;
    String sha256;
    final Map<String, Long> unseen = new java.util.TreeMap<>();
    FeatureTally drift;

    void add(ScoredBlock block) {
      if (rows + block.rows() > scores.length) {
        int capacity = Math.max(scores.length * 2, rows + block.rows());
        scores = Arrays.copyOf(scores, capacity);
        labels = Arrays.copyOf(labels, capacity);
        segments = Arrays.copyOf(segments, capacity);
      }
      if (block.segments() != null) {
        System.arraycopy(block.segments(), 0, segments, rows, block.rows());
      }
      System.arraycopy(block.scores(), 0, scores, rows, block.rows());
      System.arraycopy(block.labels(), 0, labels, rows, block.rows());
      rows += block.rows();
      skipped.add(block);
      if (drift != null) {
        drift.merge(block.drift());
      }
      block.unseenLevels().forEach((column, n) -> unseen.merge(column, n, Long::sum));
      if (seen == null) {
        seen = block.labelValues();
      } else {
        seen.addAll(block.labelValues());
      }
    }
  }
}
