package dev.precis.model;

/**
 * Platt scaling: p = 1 / (1 + exp(a f + b)), f being the logit of the model's score, so a = -1, b =
 * 0 leaves a probability as it is. Fitted as Platt proposed, with the refinements of Lin, Lin and
 * Weng ("A note on Platt's probabilistic outputs for support vector machines", 2007): the labels
 * are smoothed to (N+ + 1) / (N+ + 2) and 1 / (N- + 2), which keeps a and b finite when the scores
 * separate the classes, and the log loss is minimised by Newton's method with a backtracking line
 * search, in a numerically stable form.
 *
 * @param a the slope on the logit of the score (negative when higher scores mean responders)
 * @param b the intercept
 */
public record PlattScaling(double a, double b) implements ScoreCalibrator {
  /** Scores are clipped this far inside (0, 1) so their logit is finite. */
  static final double CLIP = 1e-15;

  private static final int MAX_ITERATIONS = 100;
  private static final double MIN_STEP = 1e-10;
  private static final double HESSIAN_RIDGE = 1e-12;
  private static final double GRADIENT_TOLERANCE = 1e-10;

  /**
   * @throws IllegalArgumentException when a or b is not finite: a calibrator.json that was not
   *     written by {@link #fit}
   */
  public PlattScaling {
    if (!Double.isFinite(a) || !Double.isFinite(b)) {
      throw new IllegalArgumentException("Platt scaling needs finite a and b");
    }
  }

  @Override
  public double apply(double score) {
    double z = a * logit(score) + b;
    // The two forms of the logistic that never overflow exp.
    return z >= 0 ? Math.exp(-z) / (1 + Math.exp(-z)) : 1 / (1 + Math.exp(z));
  }

  static double logit(double score) {
    double p = Math.min(Math.max(score, CLIP), 1 - CLIP);
    return Math.log(p / (1 - p));
  }

  /** Fits a and b to the logits of {@code scores}. */
  static PlattScaling fit(double[] scores, boolean[] positive) {
    double[] f = new double[scores.length];
    for (int i = 0; i < f.length; i++) {
      f[i] = logit(scores[i]);
    }
    return fitLogits(f, positive);
  }

  /** Fits a and b to the values f directly (the decision values of Platt's paper). */
  static PlattScaling fitLogits(double[] f, boolean[] positive) {
    long positives = 0;
    for (boolean y : positive) {
      positives += y ? 1 : 0;
    }
    long negatives = positive.length - positives;
    double hiTarget = (positives + 1.0) / (positives + 2.0);
    double loTarget = 1.0 / (negatives + 2.0);
    double[] t = new double[f.length];
    for (int i = 0; i < t.length; i++) {
      t[i] = positive[i] ? hiTarget : loTarget;
    }
    double a = 0;
    double b = Math.log((negatives + 1.0) / (positives + 1.0));
    double loss = loss(f, t, a, b);
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      double h11 = HESSIAN_RIDGE;
      double h22 = HESSIAN_RIDGE;
      double h21 = 0;
      double g1 = 0;
      double g2 = 0;
      for (int i = 0; i < f.length; i++) {
        double z = f[i] * a + b;
        double p = z >= 0 ? Math.exp(-z) / (1 + Math.exp(-z)) : 1 / (1 + Math.exp(z));
        double d2 = p * (1 - p);
        h11 += f[i] * f[i] * d2;
        h22 += d2;
        h21 += f[i] * d2;
        double d1 = t[i] - p;
        g1 += f[i] * d1;
        g2 += d1;
      }
      if (Math.abs(g1) < GRADIENT_TOLERANCE && Math.abs(g2) < GRADIENT_TOLERANCE) {
        break;
      }
      double det = h11 * h22 - h21 * h21;
      double da = -(h22 * g1 - h21 * g2) / det;
      double db = -(-h21 * g1 + h11 * g2) / det;
      double slope = g1 * da + g2 * db;
      double step = 1;
      while (step >= MIN_STEP) {
        double next = loss(f, t, a + step * da, b + step * db);
        if (next < loss + 1e-4 * step * slope) {
          a += step * da;
          b += step * db;
          loss = next;
          break;
        }
        step /= 2;
      }
      if (step < MIN_STEP) {
        break; // no step lowers the loss: as close to the minimum as doubles get
      }
    }
    return new PlattScaling(a, b);
  }

  /** The log loss of p = 1 / (1 + exp(a f + b)) against the smoothed targets t. */
  private static double loss(double[] f, double[] t, double a, double b) {
    double sum = 0;
    for (int i = 0; i < f.length; i++) {
      double z = f[i] * a + b;
      sum +=
          z >= 0 ? t[i] * z + Math.log1p(Math.exp(-z)) : (t[i] - 1) * z + Math.log1p(Math.exp(z));
    }
    return sum;
  }
}
