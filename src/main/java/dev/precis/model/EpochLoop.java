package dev.precis.model;

import dev.precis.data.EncodedData;
import dev.precis.data.Splits;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * The epochs of a network trained in TensorFlow: each epoch visits the training rows in an order
 * drawn anew from the seed, then the weights come back to Java, where the validation loss is
 * computed in row order, so which epoch is best does not depend on the threads. Training stops
 * after {@code patience} epochs without a better validation loss and keeps the best epoch's
 * weights; with no validation rows it runs every epoch and keeps the last.
 *
 * @param <N> the network's weights
 */
final class EpochLoop<N> {
  /** The fit summary's key for the epoch whose weights were kept. */
  static final String BEST_EPOCH = "best_epoch";

  /** One gradient step. */
  interface Step {
    /**
     * @param batch the training rows' indices
     * @param step counts the steps from 1, across epochs
     */
    void run(int[] batch, long step);
  }

  private final int epochs;
  private final int patience;
  private final int batchSize;
  private final long seed;
  private N best;
  private int bestEpoch;
  private int epochsRun;
  private double bestLoss = Double.POSITIVE_INFINITY;

  EpochLoop(N start, int epochs, int patience, int batchSize, long seed) {
    this.best = start;
    this.epochs = epochs;
    this.patience = patience;
    this.batchSize = batchSize;
    this.seed = seed;
  }

  /**
   * Runs the epochs, one step per batch.
   *
   * @param weights the weights as they are now
   * @param validLoss the validation rows' loss under some weights; not called without such rows
   * @return the weights kept
   */
  N run(
      EncodedData train,
      EncodedData valid,
      Step step,
      Supplier<N> weights,
      ToDoubleFunction<N> validLoss) {
    long steps = 0;
    while (epochsRun < epochs) {
      epochsRun++;
      int[] order = Splits.permutation(train.rows(), seed + epochsRun);
      for (int from = 0; from < order.length; from += batchSize) {
        step.run(
            Arrays.copyOfRange(order, from, Math.min(order.length, from + batchSize)), ++steps);
      }
      N now = weights.get();
      double loss = valid.rows() > 0 ? validLoss.applyAsDouble(now) : Double.NaN;
      if (valid.rows() == 0 || loss < bestLoss) {
        best = now;
        bestLoss = loss;
        bestEpoch = epochsRun;
      } else if (epochsRun - bestEpoch >= patience) {
        break;
      }
    }
    return best;
  }

  /** What the loop found, for the train report. */
  Map<String, Object> summary() {
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put(BEST_EPOCH, bestEpoch);
    summary.put("epochs_run", epochsRun);
    // Infinite when no epoch gave a finite loss (a step size that diverges): the start is kept.
    if (Double.isFinite(bestLoss)) {
      summary.put("best_valid_loss", bestLoss);
    }
    return summary;
  }

  /**
   * Each class's weight in the loss of the rows a network watches: the training loss's weights,
   * moved to the balance the watched rows are given (prep.imbalance weighs them to the balance the
   * fit sees), so that early stopping measures the loss the fit minimises.
   *
   * @param fitted the training loss's weights, [negative, positive] (see {@link #classWeights})
   */
  static double[] watchedWeights(double[] fitted, EncodedData train, EncodedData valid) {
    return new double[] {
      fitted[0] * valid.weights().negative() / train.weights().negative(),
      fitted[1] * valid.weights().positive() / train.weights().positive()
    };
  }

  /**
   * Each class's weight in the loss, [negative, positive]: the rows' class weights
   * (prep.imbalance), or balanced so each class adds up to half.
   *
   * @param classWeights the class_weights parameter: none or balanced
   */
  static double[] classWeights(EncodedData train, String classWeights) {
    double negative = train.weights().negative();
    double positive = train.weights().positive();
    if (!classWeights.equals("balanced")) {
      return new double[] {negative, positive};
    }
    // balanced by the rows' weights, prep.imbalance's included
    double positives = Math.max(1, train.positives()) * positive;
    double negatives = Math.max(1, train.rows() - train.positives()) * negative;
    double total = positives + negatives;
    return new double[] {negative * total / (2 * negatives), positive * total / (2 * positives)};
  }
}
