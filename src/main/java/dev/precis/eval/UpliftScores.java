package dev.precis.eval;

import java.util.List;

/**
 * The scored rows of a randomised test (uplift scores, arm, outcome) and every uplift metric on
 * them, each as scikit-uplift 0.5.1 computes it (sklift/metrics/metrics.py, commit
 * 0038e659428f6e7a49b935b850651cd9a9db3f54), agreeing with it to 1e-6 on the same scores. The rows
 * are ordered once ({@link UpliftRanking}); the curves are computed when first asked for.
 */
public final class UpliftScores {
  /** Curve points a report keeps: enough for a smooth chart, few enough for a small report. */
  public static final int POINTS = 200;

  /** The share of uplift@k when none is named: scikit-uplift's default, 0.3. */
  public static final double DEFAULT_K = 0.3;

  /** Random orders behind the random-order band: 25 of them lie beyond each of its ends. */
  public static final int PERMUTATIONS = 1000;

  private final boolean[] treated;
  private final boolean[] outcome;
  private final UpliftRanking ranking;
  private UpliftCurve qini;
  private UpliftCurve uplift;
  private UpliftCurve perfectQini;

  private UpliftScores(double[] score, boolean[] treated, boolean[] outcome) {
    this.treated = treated.clone();
    this.outcome = outcome.clone();
    this.ranking = UpliftRanking.rank(score, treated, outcome);
  }

  /**
   * @param score each row's uplift score, higher meaning the treatment helps more
   * @param treated whether the row is in the treated arm (else the control arm)
   * @param outcome whether the row responded
   * @throws IllegalArgumentException if the arrays differ in length, a score is not finite, or an
   *     arm has no row
   */
  public static UpliftScores of(double[] score, boolean[] treated, boolean[] outcome) {
    if (score.length != treated.length || score.length != outcome.length) {
      throw new IllegalArgumentException(
          "scores, arms and outcomes differ in length: "
              + score.length
              + ", "
              + treated.length
              + ", "
              + outcome.length);
    }
    int treatedRows = 0;
    for (int i = 0; i < score.length; i++) {
      if (!Double.isFinite(score[i])) {
        throw new IllegalArgumentException("score of row " + i + " is not finite: " + score[i]);
      }
      treatedRows += treated[i] ? 1 : 0;
    }
    if (treatedRows == 0 || treatedRows == score.length) {
      throw new IllegalArgumentException("uplift metrics need rows of both arms");
    }
    return new UpliftScores(score, treated, outcome);
  }

  /** The Qini curve in the model's order. */
  public UpliftCurve qiniCurve() {
    if (qini == null) {
      qini = UpliftCurve.qini(ranking);
    }
    return qini;
  }

  /** The uplift curve in the model's order. */
  public UpliftCurve upliftCurve() {
    if (uplift == null) {
      uplift = UpliftCurve.uplift(ranking);
    }
    return uplift;
  }

  /**
   * The Qini curve of the perfect order for Qini (sklift perfect_qini_curve, negative_effect=True):
   * the score y*t - y*(1-t), so treated responders first and control responders last.
   */
  public UpliftCurve perfectQiniCurve() {
    if (perfectQini == null) {
      double[] perfect = new double[treated.length];
      for (int i = 0; i < perfect.length; i++) {
        perfect[i] = outcome[i] ? (treated[i] ? 1 : -1) : 0;
      }
      perfectQini = UpliftCurve.qini(UpliftRanking.rank(perfect, treated, outcome));
    }
    return perfectQini;
  }

  /**
   * The uplift curve of the perfect order for uplift (sklift perfect_uplift_curve): the score 2*(y
   * == t) + s, s = y when control responders outnumber treated non-responders, else s = t.
   */
  public UpliftCurve perfectUpliftCurve() {
    long controlResponders = 0;
    long treatedNonResponders = 0;
    for (int i = 0; i < treated.length; i++) {
      controlResponders += !treated[i] && outcome[i] ? 1 : 0;
      treatedNonResponders += treated[i] && !outcome[i] ? 1 : 0;
    }
    boolean byOutcome = controlResponders > treatedNonResponders;
    double[] perfect = new double[treated.length];
    for (int i = 0; i < perfect.length; i++) {
      perfect[i] =
          (outcome[i] == treated[i] ? 2 : 0) + ((byOutcome ? outcome[i] : treated[i]) ? 1 : 0);
    }
    return UpliftCurve.uplift(UpliftRanking.rank(perfect, treated, outcome));
  }

  /** Qini AUC (sklift qini_auc_score): see {@link UpliftMetrics#qiniAuc}. */
  public double qiniAuc() {
    return normalised(qiniCurve(), perfectQiniCurve());
  }

  /** Uplift AUC, AUUC (sklift uplift_auc_score): see {@link UpliftMetrics#upliftAuc}. */
  public double upliftAuc() {
    return normalised(upliftCurve(), perfectUpliftCurve());
  }

  private static double normalised(UpliftCurve curve, UpliftCurve perfect) {
    double base = perfect.diagonalArea();
    return (curve.area() - base) / (perfect.area() - base);
  }

  /**
   * Uplift among the top share k of rows, both strategies (sklift uplift_at_k).
   *
   * @throws IllegalArgumentException unless 0 < k <= 1
   */
  public UpliftAtK upliftAt(double k) {
    if (!(k > 0 && k <= 1)) {
      throw new IllegalArgumentException("k is a share of rows, 0 < k <= 1, got " + k);
    }
    int n = ranking.size();
    long treatedRows = 0;
    for (boolean t : treated) {
      treatedRows += t ? 1 : 0;
    }
    // int(n * k) in Python: the product in double, truncated
    int top = (int) (n * k);
    Arm overall = new Arm(top, top);
    Arm byGroup = new Arm((int) (treatedRows * k), (int) ((n - treatedRows) * k));
    for (int r = 0; r < n; r++) {
      boolean t = ranking.treated(r);
      boolean y = ranking.responded(r);
      if (r < top) {
        overall.add(t, y);
      }
      byGroup.add(t, y);
    }
    return new UpliftAtK(k, overall.uplift(), byGroup.uplift());
  }

  /**
   * Counts of the rows an uplift@k takes: the first treatedCap treated and first controlCap control
   * rows offered (overall passes only its top rows, with both caps at the top's size).
   */
  private static final class Arm {
    final int treatedCap;
    final int controlCap;
    long nt;
    long nc;
    long yt;
    long yc;

    Arm(int treatedCap, int controlCap) {
      this.treatedCap = treatedCap;
      this.controlCap = controlCap;
    }

    void add(boolean treated, boolean responded) {
      if (treated && nt < treatedCap) {
        nt++;
        yt += responded ? 1 : 0;
      } else if (!treated && nc < controlCap) {
        nc++;
        yc += responded ? 1 : 0;
      }
    }

    Double uplift() {
      return nt == 0 || nc == 0 ? null : (double) yt / nt - (double) yc / nc;
    }
  }

  /** The uplift-by-bin table, {@code bins} equal-count bins (see {@link UpliftByBin}). */
  public List<UpliftBin> byBin(int bins) {
    if (bins < 1) {
      throw new IllegalArgumentException("bins must be at least 1, got " + bins);
    }
    return UpliftByBin.build(ranking, bins);
  }

  /** The Qini AUC band of random order on these rows (see {@link RandomOrderBand}). */
  public RandomOrderBand randomBand(int permutations, long seed) {
    return RandomOrderBand.of(ranking, perfectQiniCurve().area(), qiniAuc(), permutations, seed);
  }

  /**
   * Every metric, for the report.
   *
   * @param k the share of uplift@k
   * @param bins the bins of the uplift-by-bin table (10: deciles)
   * @param permutations random orders behind the random-order band
   * @param seed their seed
   */
  public UpliftMetrics metrics(double k, int bins, int permutations, long seed) {
    long treatedRows = 0;
    long treatedResponders = 0;
    long controlResponders = 0;
    for (int i = 0; i < treated.length; i++) {
      treatedRows += treated[i] ? 1 : 0;
      treatedResponders += treated[i] && outcome[i] ? 1 : 0;
      controlResponders += !treated[i] && outcome[i] ? 1 : 0;
    }
    long controlRows = treated.length - treatedRows;
    double qiniAuc = qiniAuc();
    RandomOrderBand band = randomBand(permutations, seed);
    return new UpliftMetrics(
        treated.length,
        treatedRows,
        controlRows,
        treatedResponders,
        controlResponders,
        (double) treatedResponders / treatedRows - (double) controlResponders / controlRows,
        qiniAuc,
        upliftAuc(),
        upliftAt(k),
        band,
        UpliftVerdict.of(qiniAuc, band),
        byBin(bins),
        qiniCurve().sampled(POINTS),
        perfectQiniCurve().sampled(POINTS),
        upliftCurve().sampled(POINTS));
  }
}
