package dev.precis.model;

import dev.precis.data.EncodedData;
import dev.precis.data.SparseRows;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.logging.Logger;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.LinearParameters;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.ModelProvenance;

/**
 * Tribuo's logistic regression (a {@link LinearSGDTrainer} with {@link LogMulticlass} and {@link
 * AdaGrad} steps) run on the encoded rows' arrays. Tribuo's own loop builds a sparse tensor per row
 * and merges each minibatch through a heap, which took most of the time of a fit on text; this loop
 * makes the same shuffles (the trainer's first split of its seed's generator), the same minibatch
 * gradients, scaled as Tribuo scales them, and the same AdaGrad steps, and returns the same kind of
 * {@link LinearSGDModel}. Only the order in which a minibatch's rows are summed differs (row order
 * here, heap order there), and with two classes the first class's weights are set to the negation
 * of the second's rather than learned beside them (in Tribuo's they are that negation but for
 * rounding), so a weight may differ from Tribuo's in its last bits. One thread: the model depends
 * on the seed alone.
 */
final class SparseLogisticTrainer extends LinearSGDTrainer {
  private static final Logger LOG = Logger.getLogger(SparseLogisticTrainer.class.getName());
  private static final double EPSILON = 1e-6;
  private final double learningRate;

  SparseLogisticTrainer(int epochs, double learningRate, int batchSize, long seed) {
    super(
        new LogMulticlass(),
        new AdaGrad(learningRate, EPSILON),
        epochs,
        Integer.MAX_VALUE,
        batchSize,
        seed);
    this.learningRate = learningRate;
  }

  /**
   * Fits the rows. The model's feature map, output info and provenance are those Tribuo's trainer
   * would take from the rows as a dataset ({@link TribuoTraining#domains}), built without one.
   */
  LinearSGDModel fit(EncodedData train) {
    TribuoData.Domains domains = TribuoTraining.domains(train);
    ModelProvenance provenance =
        new ModelProvenance(
            getModelClassName(),
            OffsetDateTime.now(),
            domains.provenance(),
            getProvenance(),
            Map.of());
    ImmutableFeatureMap featureMap = domains.features();
    ImmutableOutputInfo<Label> outputs = domains.outputs();
    Rows rows = Rows.of(train, featureMap, outputs);
    // the lines Tribuo's trainer logs, so that --verbose tells as much as it did
    LOG.info(String.format("Training SGD model with %d examples", rows.targets().length));
    LOG.info("Outputs - " + outputs.toReadableString());
    double[][] weights = new double[outputs.size()][featureMap.size() + 1];
    new Steps(weights, rng.split()).run(rows);
    LinearParameters parameters = new LinearParameters(featureMap.size() + 1, outputs.size());
    DenseMatrix matrix = parameters.getWeightMatrix();
    for (int o = 0; o < weights.length; o++) {
      for (int f = 0; f < weights[o].length; f++) {
        matrix.set(o, f, weights[o][f]);
      }
    }
    return createModel(getName(), provenance, featureMap, outputs, parameters);
  }

  /**
   * The rows as Tribuo's trainer sees them: features by Tribuo's ids in ascending order, zeros left
   * out (they change nothing), then the bias, 1; and each row's label id and weight.
   */
  private record Rows(int[][] ids, double[][] values, int[] targets, double[] weights) {
    static Rows of(
        EncodedData data, ImmutableFeatureMap featureMap, ImmutableOutputInfo<Label> outputs) {
      int[] tribuoId = data.featureNames().stream().mapToInt(featureMap::getID).toArray();
      int bias = featureMap.size();
      SparseRows x = data.x();
      int[][] ids = new int[x.rows()][];
      double[][] values = new double[x.rows()][];
      int[] targets = new int[x.rows()];
      double[] weights = new double[x.rows()];
      long[] packed = new long[0];
      for (int r = 0; r < x.rows(); r++) {
        int n = 0;
        if (packed.length < x.end(r) - x.start(r)) {
          packed = new long[x.end(r) - x.start(r)];
        }
        for (int k = x.start(r); k < x.end(r); k++) {
          if (x.value(k) != 0) {
            packed[n++] = (long) tribuoId[x.feature(k)] << 32 | (k - x.start(r));
          }
        }
        Arrays.sort(packed, 0, n);
        ids[r] = new int[n + 1];
        values[r] = new double[n + 1];
        for (int e = 0; e < n; e++) {
          ids[r][e] = (int) (packed[e] >>> 32);
          values[r][e] = x.value(x.start(r) + (int) packed[e]);
        }
        ids[r][n] = bias;
        values[r][n] = 1.0;
        targets[r] = outputs.getID(Labels.of(data.y()[r]));
        weights[r] = data.weights().of(data.y()[r]);
      }
      return new Rows(ids, values, targets, weights);
    }
  }

  /** The SGD loop over the rows, with AdaGrad's running sums of squared gradients. */
  private final class Steps {
    private final double[][] weights;
    private final double[][] squares;
    private final double[][] sums;
    private final SplittableRandom random;
    // the features a minibatch touched, and a mark per feature of the last minibatch to touch it
    private final int[] touched;
    private final int[] mark;
    private final double[] scores;
    // the first output whose weights are learned: with two, the first's are the negation of the
    // second's (each of their gradients is the other's negation, to the last bit or two), so the
    // second's alone are learned, at half the work
    private final int learned;

    Steps(double[][] weights, SplittableRandom random) {
      this.weights = weights;
      this.random = random;
      int outputs = weights.length;
      int width = weights[0].length;
      squares = new double[outputs][width];
      sums = new double[outputs][width];
      touched = new int[width];
      mark = new int[width];
      Arrays.fill(mark, -1);
      scores = new double[outputs];
      learned = outputs == 2 ? 1 : 0;
    }

    void run(Rows rows) {
      int n = rows.targets().length;
      int[] order = new int[n];
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      int batch = 0;
      for (int epoch = 0; epoch < epochs; epoch++) {
        shuffle(order);
        for (int start = 0; start < n; start += minibatchSize) {
          int end = Math.min(start + minibatchSize, n);
          int count = 0;
          for (int i = start; i < end; i++) {
            count = addGradient(rows, order[i], batch, count);
          }
          step(count, (end - start) / (double) minibatchSize);
          batch++;
        }
      }
      if (learned == 1) {
        for (int f = 0; f < weights[0].length; f++) {
          weights[0][f] = -weights[1][f];
        }
      }
    }

    /** Tribuo's shuffle, swap for swap, so that the rows come in the order Tribuo's would. */
    private void shuffle(int[] order) {
      for (int i = order.length; i > 1; i--) {
        int j = random.nextInt(i);
        int swap = order[i - 1];
        order[i - 1] = order[j];
        order[j] = swap;
      }
    }

    /**
     * Adds row r's gradient of the log-likelihood, (one-hot target - softmax) times the row, to the
     * minibatch's sums; returns the count of features touched so far. With two outputs only the
     * second's is summed (see {@link #learned}).
     */
    private int addGradient(Rows rows, int r, int batch, int count) {
      int[] ids = rows.ids()[r];
      double[] values = rows.values()[r];
      for (int o = learned; o < scores.length; o++) {
        double score = 0;
        for (int e = 0; e < ids.length; e++) {
          score += values[e] * weights[o][ids[e]];
        }
        scores[o] = score;
      }
      if (learned == 1) {
        scores[0] = -scores[1];
      }
      double max = -Double.MAX_VALUE;
      for (double score : scores) {
        max = Math.max(max, score);
      }
      double total = 0;
      for (int o = 0; o < scores.length; o++) {
        scores[o] = Math.exp(scores[o] - max);
        total += scores[o];
      }
      for (int o = 0; o < scores.length; o++) {
        scores[o] = -(scores[o] / total);
      }
      scores[rows.targets()[r]] += 1.0;
      // an example's weight scales its gradient, as in Tribuo's SGD trainers
      for (int o = 0; o < scores.length; o++) {
        scores[o] *= rows.weights()[r];
      }
      for (int e = 0; e < ids.length; e++) {
        int f = ids[e];
        if (mark[f] != batch) {
          mark[f] = batch;
          touched[count++] = f;
          for (int o = learned; o < scores.length; o++) {
            sums[o][f] = 0;
          }
        }
        for (int o = learned; o < scores.length; o++) {
          sums[o][f] += scores[o] * values[e];
        }
      }
      return count;
    }

    /**
     * AdaGrad's step on the touched features, with Tribuo's scaling: the summed gradient times the
     * batch size, and a weight of the rows' share of a full batch.
     */
    private void step(int count, double weight) {
      double rate = weight * learningRate;
      for (int o = learned; o < weights.length; o++) {
        for (int t = 0; t < count; t++) {
          int f = touched[t];
          double gradient = sums[o][f] * minibatchSize;
          squares[o][f] += weight * weight * gradient * gradient;
          weights[o][f] += gradient * (rate / (EPSILON + Math.sqrt(squares[o][f])));
        }
      }
    }
  }
}
