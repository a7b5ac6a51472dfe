package dev.precis.evaluate;

import dev.precis.PrecisException;
import dev.precis.config.PrecisConfig;
import dev.precis.data.FeatureDrift;
import dev.precis.eval.Comparison;
import dev.precis.eval.GateResult;
import dev.precis.eval.Gates;
import dev.precis.eval.ScoreDrift;
import dev.precis.eval.UpliftComparison;
import dev.precis.eval.UpliftMetrics;
import dev.precis.eval.UpliftScores;
import dev.precis.io.InputFile;
import dev.precis.model.ModelBundle;
import dev.precis.model.UpliftTask;
import dev.precis.report.ChallengerComparison;
import dev.precis.report.EvalReport;
import dev.precis.report.ReportHeader;
import dev.precis.report.Reports;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates an uplift bundle on a labelled file of a randomised test: scores its rows, keeps those
 * of the two arms ({@link ArmRows}), and measures the uplift scores against arm and outcome ({@link
 * UpliftScores}), with the uplift gates and the drift gates. The response sections of the report
 * stay empty: they would measure a probability of response that an uplift score is not.
 */
final class UpliftEvaluation {
  private UpliftEvaluation() {}

  static EvalReport run(
      ModelBundle bundle,
      UpliftTask task,
      Path modelPath,
      Path dataPath,
      PrecisConfig config,
      Evaluation.Against against,
      long start) {
    Evaluation.Collected collected = score(bundle, task, dataPath, config, true);
    double[] scores = Arrays.copyOf(collected.scores, collected.rows);
    boolean[] outcome = Arrays.copyOf(collected.labels, collected.rows);
    boolean[] treated = arms(collected, task, dataPath);
    UpliftScores uplift = UpliftScores.of(scores, treated, outcome);
    UpliftMetrics metrics = metrics(uplift, config);
    List<GateResult> gates = new ArrayList<>(Gates.checkUplift(config.eval(), uplift));
    ScoreDrift scoreDrift = Evaluation.scoreDrift(bundle, scores);
    FeatureDrift featureDrift = FeatureDrift.ofCounted(collected.drift, bundle.pipeline());
    gates.addAll(Gates.drift(config.eval().failOver(), featureDrift.psi(), scoreDrift.psi()));
    ChallengerComparison comparison =
        against.challenger() == null
            ? null
            : challenge(against, dataPath, config, scores, treated, outcome);
    Map<String, Double> timings = new LinkedHashMap<>();
    timings.put("total", Reports.secondsSince(start));
    return new EvalReport(
        ReportHeader.now(EvalReport.SCHEMA),
        InputFile.of(modelPath),
        new InputFile(dataPath.toString(), collected.sha256),
        config.seed(),
        null,
        collected.skipped.count(),
        collected.skipped.examples(),
        collected.unseen,
        gates,
        gates.stream().allMatch(GateResult::passed),
        config,
        timings,
        null,
        null,
        null,
        null,
        null,
        comparison,
        scoreDrift,
        null,
        null,
        null,
        featureDrift,
        Evaluation.UPLIFT,
        metrics,
        null);
  }

  /**
   * Scores the rows of both arms.
   *
   * @param drift whether to count the rows per feature for drift
   */
  private static Evaluation.Collected score(
      ModelBundle bundle, UpliftTask task, Path dataPath, PrecisConfig config, boolean drift) {
    return Evaluation.score(
        bundle,
        dataPath,
        config,
        task.treatment(),
        drift ? bundle.featureTally().orElse(null) : null,
        new ArmRows(task));
  }

  /**
   * Each kept row's arm, true for treated.
   *
   * @throws PrecisException (data) when every row is of one arm
   */
  private static boolean[] arms(Evaluation.Collected collected, UpliftTask task, Path dataPath) {
    boolean[] treated = new boolean[collected.rows];
    int treatedRows = 0;
    for (int i = 0; i < treated.length; i++) {
      treated[i] = task.treated().equals(collected.segments[i]);
      treatedRows += treated[i] ? 1 : 0;
    }
    if (treatedRows == 0 || treatedRows == treated.length) {
      throw oneArm(dataPath, task, treatedRows == 0);
    }
    return treated;
  }

  private static UpliftMetrics metrics(UpliftScores scores, PrecisConfig config) {
    return scores.metrics(
        UpliftScores.DEFAULT_K, config.eval().bins(), UpliftScores.PERMUTATIONS, config.seed());
  }

  /**
   * Scores the same file with the challenger, an uplift model too, and compares the two on the same
   * rows (see {@link UpliftComparison}).
   */
  private static ChallengerComparison challenge(
      Evaluation.Against against,
      Path dataPath,
      PrecisConfig config,
      double[] scores,
      boolean[] treated,
      boolean[] outcome) {
    if (!(against.challenger().manifest().task() instanceof UpliftTask task)) {
      throw PrecisException.usage(
          "--challenger "
              + against.challengerPath()
              + ": is a response model, and --model an uplift model (task: uplift); compare it"
              + " with another uplift model");
    }
    Evaluation.Collected other = score(against.challenger(), task, dataPath, config, false);
    boolean[] otherTreated = arms(other, task, dataPath);
    boolean[] otherOutcome = Arrays.copyOf(other.labels, other.rows);
    if (!Arrays.equals(treated, otherTreated) || !Arrays.equals(outcome, otherOutcome)) {
      throw PrecisException.data(
          dataPath
              + ": the champion kept "
              + treated.length
              + " rows of both arms and the challenger "
              + other.rows
              + " with other arms or outcomes (another data.treatment or data.target?); a"
              + " comparison needs the same rows");
    }
    double[] challengerScores = Arrays.copyOf(other.scores, other.rows);
    Comparison comparison =
        UpliftComparison.compare(
            scores,
            challengerScores,
            treated,
            outcome,
            UpliftScores.DEFAULT_K,
            config.eval().resamples(),
            config.seed());
    return new ChallengerComparison(
        InputFile.of(against.challengerPath()),
        null,
        comparison,
        null,
        null,
        null,
        metrics(UpliftScores.of(challengerScores, treated, outcome), config),
        null);
  }

  /** Why a file whose kept rows are all of one arm has no uplift to measure. */
  private static PrecisException oneArm(Path dataPath, UpliftTask task, boolean noTreated) {
    return PrecisException.data(
        dataPath
            + ": no scored row has treatment column '"
            + task.treatment()
            + "' equal to '"
            + (noTreated
                ? task.treated() + "' (data.treated)"
                : task.control() + "' (data.control)")
            + "; uplift compares the treated arm with the control arm: give a file with rows of"
            + " both");
  }
}
