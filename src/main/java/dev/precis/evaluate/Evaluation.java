package dev.precis.evaluate;

import dev.precis.PrecisException;
import dev.precis.config.Economics;
import dev.precis.config.PrecisConfig;
import dev.precis.data.LabelTally;
import dev.precis.eval.BinaryMetrics;
import dev.precis.eval.CampaignEconomics;
import dev.precis.eval.CampaignProfit;
import dev.precis.eval.GateResult;
import dev.precis.eval.Gates;
import dev.precis.eval.Metrics;
import dev.precis.io.InputFile;
import dev.precis.model.ModelBundle;
import dev.precis.model.ScoredBlock;
import dev.precis.model.SkippedRows;
import dev.precis.model.StreamingScorer;
import dev.precis.report.EvalReport;
import dev.precis.report.ReportHeader;
import dev.precis.report.Reports;
import dev.precis.report.ThresholdUsed;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Scores a labelled file with a bundle and measures the result against the gates. */
public final class Evaluation {
  private Evaluation() {}

  public static EvalReport run(
      ModelBundle bundle, Path modelPath, Path dataPath, PrecisConfig config) {
    long start = System.nanoTime();
    Collected collected = new Collected();
    String sha256 =
        new StreamingScorer(
                bundle,
                dataPath,
                config.data(),
                StreamingScorer.Mode.LABELLED,
                config.engine().effectiveThreads(),
                config.predict().badRows() == dev.precis.config.PredictConfig.BadRows.SKIP)
            .run(block -> block, collected::add);
    if (collected.rows == 0) {
      throw PrecisException.data(dataPath + ": has no labelled rows to evaluate");
    }
    double[] scores = Arrays.copyOf(collected.scores, collected.rows);
    boolean[] labels = Arrays.copyOf(collected.labels, collected.rows);
    BinaryMetrics metrics =
        Metrics.ifDefined(scores, labels, config.eval())
            .orElseThrow(() -> oneClass(dataPath, bundle.pipeline().target(), collected.seen));
    List<GateResult> gates = Gates.check(config.eval().gates(), metrics);
    Economics money = config.eval().economics();
    CampaignProfit economics =
        money == null ? null : CampaignEconomics.of(scores, labels, money, config.eval().bins());
    Map<String, Double> timings = new LinkedHashMap<>();
    timings.put("total", Reports.secondsSince(start));
    return new EvalReport(
        ReportHeader.now(EvalReport.SCHEMA),
        InputFile.of(modelPath),
        new InputFile(dataPath.toString(), sha256),
        config.seed(),
        metrics,
        collected.skipped.count(),
        collected.skipped.examples(),
        collected.unseen,
        gates,
        gates.stream().allMatch(GateResult::passed),
        config,
        timings,
        new ThresholdUsed(
            metrics.atThreshold().threshold(),
            config.eval().threshold().by().name().toLowerCase(java.util.Locale.ROOT)),
        economics);
  }

  /**
   * Why a file whose scored rows are all of one class cannot be evaluated: it holds a single value,
   * or its values are not written as the model's positive value is (another case, another code).
   */
  private static PrecisException oneClass(Path dataPath, String target, LabelTally seen) {
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
  private static final class Collected {
    double[] scores = new double[1 << 16];
    boolean[] labels = new boolean[1 << 16];
    int rows;
    final SkippedRows skipped = new SkippedRows();
    LabelTally seen;
    final Map<String, Long> unseen = new java.util.TreeMap<>();

    void add(ScoredBlock block) {
      if (rows + block.rows() > scores.length) {
        int capacity = Math.max(scores.length * 2, rows + block.rows());
        scores = Arrays.copyOf(scores, capacity);
        labels = Arrays.copyOf(labels, capacity);
      }
      System.arraycopy(block.scores(), 0, scores, rows, block.rows());
      System.arraycopy(block.labels(), 0, labels, rows, block.rows());
      rows += block.rows();
      skipped.add(block);
      block.unseenLevels().forEach((column, n) -> unseen.merge(column, n, Long::sum));
      if (seen == null) {
        seen = block.labelValues();
      } else {
        seen.addAll(block.labelValues());
      }
    }
  }
}
