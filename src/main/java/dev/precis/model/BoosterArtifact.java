package dev.precis.model;

import dev.precis.PrecisException;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * An XGBoost booster, saved in XGBoost's own Universal Binary JSON model format, which XGBoost 1.6
 * and later read in any language. It scores with its first {@code rounds} trees: early stopping
 * runs a few rounds past the best one before it knows it is the best, and XGBoost's Java API cannot
 * cut those trees off, so the count is kept in the model as XGBoost's {@code best_iteration}
 * attribute (zero-based), as XGBoost's own early stopping records it.
 *
 * @param booster the model
 * @param rounds the trees that score, from the first
 * @param fitSummary what the fit found, or empty when read back
 */
record BoosterArtifact(Booster booster, int rounds, Map<String, Object> fitSummary)
    implements ModelArtifact {
  static final String KIND = "xgboost-booster";

  /** The name of a response task's one booster in the bundle. */
  static final String MODEL = "model.ubj";

  private static final String BEST_ITERATION = "best_iteration";

  /** A booster just fitted, with {@code rounds} recorded in it so the saved model keeps them. */
  static BoosterArtifact fitted(Booster booster, int rounds, Map<String, Object> fitSummary)
      throws XGBoostError {
    booster.setAttr(BEST_ITERATION, String.valueOf(rounds - 1));
    return new BoosterArtifact(booster, rounds, Map.copyOf(fitSummary));
  }

  @Override
  public String name() {
    return MODEL;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public void save(OutputStream out) throws IOException {
    try {
      out.write(booster.toByteArray("ubj"));
    } catch (XGBoostError e) {
      throw new IOException("XGBoost could not write the model", e);
    }
  }

  @Override
  public Scorer scorer(List<String> featureNames) {
    return new BoosterScorer(booster, rounds);
  }

  @Override
  public java.util.Optional<Explainer> explainer(List<String> featureNames) {
    return java.util.Optional.of(new TreeShapExplainer(booster, rounds, featureNames.size()));
  }

  /** XGBoost's total gain per feature, named f0, f1, ... by position so any name is safe. */
  @Override
  public java.util.Optional<double[]> gains(List<String> featureNames) {
    String[] names = new String[featureNames.size()];
    for (int f = 0; f < names.length; f++) {
      names[f] = "f" + f;
    }
    try {
      double[] gains = new double[names.length];
      booster
          .getScore(names, "total_gain")
          .forEach((name, gain) -> gains[Integer.parseInt(name.substring(1))] = gain);
      return java.util.Optional.of(gains);
    } catch (XGBoostError e) {
      throw new PrecisException(1, "XGBoost could not give its feature gains", e);
    }
  }

  /**
   * Reads a booster saved by {@link #save}. It scores on one thread per call: the threads that call
   * it are the parallelism.
   *
   * @throws IOException when the bytes are not an XGBoost model with its best_iteration
   * @throws PrecisException (engine) when XGBoost's native library cannot load
   */
  static BoosterArtifact load(String name, byte[] bytes) throws IOException {
    try {
      Booster booster = XGBoost.loadModel(bytes);
      String best = booster.getAttr(BEST_ITERATION);
      if (best == null || !best.matches("\\d{1,9}")) {
        throw new IOException("an XGBoost model without its " + BEST_ITERATION);
      }
      booster.setParam("nthread", 1);
      return new BoosterArtifact(booster, Integer.parseInt(best) + 1, Map.of());
    } catch (XGBoostError e) {
      throw new IOException("not an XGBoost model", e);
    } catch (LinkageError e) {
      throw XGBoostEngine.unavailable(e);
    }
  }
}
