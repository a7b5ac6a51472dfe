package dev.precis.model;

import dev.precis.config.EngineConfig;
import dev.precis.data.EncodedData;
import dev.precis.data.Splits;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Fits an uplift model from response models of one family (the base learner), the one way each
 * approach needs its rows: split by arm (two-model), with the arm as the last feature
 * (single-model), or relabelled with the transformed outcome and the arms weighed equally
 * (class-transformation); the uplift forest, no base learner, fits the rows of both arms as they
 * are. Every fit is seeded, so the same rows give the same models.
 */
public final class UpliftFit {
  private UpliftFit() {}

  /**
   * The artifacts of an uplift bundle, in the order {@link UpliftTask#scorer} reads them.
   *
   * @param train rows with their arms ({@link EncodedData#treated()})
   * @param valid held-out rows with their arms; may be empty
   */
  public static List<ModelArtifact> fit(
      UpliftTask task,
      ModelType.Fitter base,
      EncodedData train,
      EncodedData valid,
      EngineConfig engine,
      long seed) {
    Task response = new ResponseTask(task.outcome(), task.positive());
    return switch (task.approach()) {
      case TWO_MODEL ->
          List.of(
              RenamedArtifact.prefixed(
                  "treated.", base.fit(arm(train, true), arm(valid, true), response, engine, seed)),
              RenamedArtifact.prefixed(
                  "control.",
                  base.fit(arm(train, false), arm(valid, false), response, engine, seed)));
      case SINGLE_MODEL ->
          List.of(base.fit(withArm(train), withArm(valid), response, engine, seed));
      case CLASS_TRANSFORMATION ->
          List.of(
              base.fit(
                  transformed(balanced(train, seed)), transformed(valid), response, engine, seed));
      case FOREST -> List.of(base.fit(train, valid, task, engine, seed));
    };
  }

  /** The rows of one arm. */
  static EncodedData arm(EncodedData rows, boolean treated) {
    return rows.subset(armIndices(rows, treated));
  }

  /** The rows with their arm as one more feature, the last. */
  static EncodedData withArm(EncodedData rows) {
    boolean[] treated = rows.treated();
    return rows.withFeatures(
        UpliftTask.withArm(rows.featureNames()),
        WithArm.appended(rows.x(), rows.rows(), r -> treated[r] ? 1.0 : 0.0),
        rows.y());
  }

  /** The rows labelled z = y*t + (1-y)*(1-t): a treated responder or a control non-responder. */
  static EncodedData transformed(EncodedData rows) {
    boolean[] z = new boolean[rows.rows()];
    for (int i = 0; i < z.length; i++) {
      z[i] = rows.y()[i] == rows.treated()[i];
    }
    return rows.withFeatures(rows.featureNames(), rows.x(), z);
  }

  /**
   * The rows with the smaller arm drawn again until both arms have as many rows: whole copies, then
   * a seeded draw without replacement of the rest. Weighing the arms equally is what makes 2 p(z =
   * 1 | x) - 1 the uplift for any treated share e (it equals e p_t + (1-e)(1 - p_c) otherwise).
   */
  static EncodedData balanced(EncodedData rows, long seed) {
    long treated = Splits.positives(rows.treated());
    long control = rows.rows() - treated;
    if (treated == control) {
      return rows;
    }
    boolean smallArm = treated < control;
    int[] small = armIndices(rows, smallArm);
    int missing = (int) Math.abs(treated - control);
    int[] all = new int[rows.rows() + missing];
    Arrays.setAll(all, i -> i);
    int next = rows.rows();
    for (int copy = 0; copy < missing / small.length; copy++) {
      for (int index : small) {
        all[next++] = index;
      }
    }
    int[] drawn = small.clone();
    Random random = new Random(seed);
    for (int i = 0; next < all.length; i++) {
      int j = i + random.nextInt(drawn.length - i);
      int swap = drawn[i];
      drawn[i] = drawn[j];
      drawn[j] = swap;
      all[next++] = drawn[i];
    }
    return rows.subset(all);
  }

  private static int[] armIndices(EncodedData rows, boolean arm) {
    int[] out = new int[rows.rows()];
    int n = 0;
    for (int i = 0; i < rows.rows(); i++) {
      if (rows.treated()[i] == arm) {
        out[n++] = i;
      }
    }
    return Arrays.copyOf(out, n);
  }
}
