package dev.precis.data;

import dev.precis.config.PrepConfig.Imbalance;
import dev.precis.config.PrepConfig.Rebalance;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * prep.imbalance applied to the rows a model is fitted on: train's training part, or the fitting
 * part of one of tune's folds, never rows that are scored to measure a model. The minority class is
 * whichever has fewer rows (the positives, in a campaign); it is never made the majority, so a part
 * already as balanced as asked is left as it is. Seeded: the same rows and seed give the same rows
 * back.
 */
public final class Rebalancing {
  private Rebalancing() {}

  /**
   * The rows a fit sees, and how the balance moved.
   *
   * @param rows the rebalanced rows (with their class weights, for {@code weights})
   * @param oddsRatio the true odds of a positive over the odds the fit sees: the factor that maps
   *     the fitted model's odds back to the true base rate (1 when nothing changed)
   */
  public record Rebalanced(EncodedData rows, double oddsRatio) {
    /**
     * Rows for the fit to watch (early stopping), weighted to the balance the fit sees, so that
     * their loss is the one the fit minimises: duplicated or heavier positives would otherwise make
     * the watched loss keep falling as the model overfits them. The rows themselves are the
     * validation rows, unchanged; calibration and metrics use them unweighted.
     */
    public EncodedData watched(EncodedData valid) {
      return oddsRatio == 1 ? valid : valid.withWeights(new ClassWeights(1, 1 / oddsRatio));
    }
  }

  /**
   * @param train the rows to rebalance, whose classes weigh the same
   * @param seed seeds which rows are drawn
   */
  public static Rebalanced apply(Imbalance settings, EncodedData train, long seed) {
    long positives = train.positives();
    long negatives = train.rows() - positives;
    if (settings.method() == Rebalance.NONE || positives == 0 || negatives == 0) {
      return new Rebalanced(train, 1);
    }
    boolean minorityIsPositive = positives <= negatives;
    int[] minority = indices(train.y(), minorityIsPositive);
    int[] majority = indices(train.y(), !minorityIsPositive);
    SplittableRandom random = new SplittableRandom(seed);
    EncodedData rows =
        switch (settings.method()) {
          case UNDERSAMPLE -> {
            int keep =
                (int) Math.min(majority.length, Math.round(minority.length / settings.ratio()));
            int[] kept = concat(minority, Arrays.copyOf(shuffled(majority, random), keep));
            Arrays.sort(kept); // the rows in their own order, as a fit on all of them sees them
            yield train.subset(kept);
          }
          case OVERSAMPLE -> {
            long target = Math.round(settings.ratio() * majority.length);
            int extra = (int) Math.max(0, target - minority.length);
            int[] copies = new int[extra];
            for (int i = 0; i < extra; i += minority.length) {
              // whole passes over the minority, then a draw without repeats for the remainder
              int[] pass = i + minority.length <= extra ? minority : shuffled(minority, random);
              System.arraycopy(pass, 0, copies, i, Math.min(minority.length, extra - i));
            }
            yield train.subset(concat(IntStream.range(0, train.rows()).toArray(), copies));
          }
          case WEIGHTS -> {
            double weight = Math.max(1, settings.ratio() * majority.length / minority.length);
            yield train.withWeights(
                minorityIsPositive ? new ClassWeights(1, weight) : new ClassWeights(weight, 1));
          }
          case NONE -> train;
        };
    return new Rebalanced(rows, odds(positives, negatives) / weightedOdds(rows));
  }

  /** The positive rows' total weight over the negative rows'. */
  public static double weightedOdds(EncodedData rows) {
    long positives = rows.positives();
    long negatives = rows.rows() - positives;
    return odds(positives * rows.weights().positive(), negatives * rows.weights().negative());
  }

  /** The share of the rows' total weight that positive rows hold. */
  public static double weightedRate(EncodedData rows) {
    double odds = weightedOdds(rows);
    return rows.rows() == 0 ? 0 : odds / (1 + odds);
  }

  private static double odds(double positives, double negatives) {
    return positives / negatives;
  }

  private static int[] indices(boolean[] y, boolean value) {
    return IntStream.range(0, y.length).filter(i -> y[i] == value).toArray();
  }

  private static int[] shuffled(int[] values, SplittableRandom random) {
    int[] out = values.clone();
    for (int i = out.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = out[i];
      out[i] = out[j];
      out[j] = swap;
    }
    return out;
  }

  private static int[] concat(int[] a, int[] b) {
    int[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
