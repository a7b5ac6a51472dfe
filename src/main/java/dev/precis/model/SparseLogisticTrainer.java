package dev.precis.model;

import dev.precis.PrecisException;
import dev.precis.data.EncodedData;
import dev.precis.data.SparseRows;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.logging.Logger;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.MutableDataset;
import org.tribuo.MutableOutputInfo;
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
 * here, heap order there), so a weight may differ from Tribuo's in its last bits. One thread: the
 * model depends on the seed alone.
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
   * Fits the rows. The model also holds the Tribuo dataset's feature map and provenance, which take
   * as long to build as the descent itself: with two threads or more they are built on a second
   * thread while the descent runs, as its ids need only the feature names (Tribuo numbers a
   * dataset's features in name order, and the dataset holds every feature of the pipeline).
   *
   * @param threads engine.threads: 1 builds them on this thread, before the descent
   */
  LinearSGDModel fit(EncodedData train, int threads) {
    FutureTask<Described> described =
        new FutureTask<>(() -> describe(TribuoTraining.dataset(train)));
    if (threads > 1) {
      Thread thread = new Thread(described, "precis-dataset");
      thread.setDaemon(true);
      thread.start();
    } else {
      described.run();
    }
    ImmutableOutputInfo<Label> outputs = outputs(train);
    RowExample.Names names = new RowExample.Names(train.featureNames().toArray(new String[0]));
    int width = train.featureNames().size();
    Rows rows = Rows.of(train, names, outputs);
    // the lines Tribuo's trainer logs, so that --verbose tells as much as it did
    LOG.info(String.format("Training SGD model with %d examples", rows.targets().length));
    LOG.info("Outputs - " + outputs.toReadableString());
    double[][] weights = new double[outputs.size()][width + 1];
    new Steps(weights, rng.split()).run(rows);
    LinearParameters parameters = new LinearParameters(width + 1, outputs.size());
    DenseMatrix matrix = parameters.getWeightMatrix();
    for (int o = 0; o < weights.length; o++) {
      for (int f = 0; f < weights[o].length; f++) {
        matrix.set(o, f, weights[o][f]);
      }
    }
    Described model = await(described);
    if (model.features().size() != width) {
      throw new IllegalStateException(
          "the dataset holds " + model.features().size() + " features, not " + width);
    }
    return createModel(getName(), model.provenance(), model.features(), outputs, parameters);
  }

  /** What the model keeps of the dataset it was fitted on. */
  private record Described(ModelProvenance provenance, ImmutableFeatureMap features) {}

  private Described describe(MutableDataset<Label> dataset) {
    ModelProvenance provenance =
        new ModelProvenance(
            getModelClassName(),
            OffsetDateTime.now(),
            dataset.getProvenance(),
            getProvenance(),
            Map.of());
    return new Described(provenance, dataset.getFeatureIDMap());
  }

  /** The labels' ids, as a dataset of the rows numbers them: it observes each row's in turn. */
  private static ImmutableOutputInfo<Label> outputs(EncodedData train) {
    MutableOutputInfo<Label> info = Labels.FACTORY.generateInfo();
    for (boolean y : train.y()) {
      info.observe(Labels.of(y));
    }
    return info.generateImmutableOutputInfo();
  }

  private static <T> T await(FutureTask<T> task) {
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PrecisException(1, "interrupted while fitting the logistic model", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /**
   * The rows as Tribuo's trainer sees them: features by Tribuo's ids in ascending order, zeros left
   * out (they change nothing), then the bias, 1; and each row's label id and weight.
   */
  private record Rows(int[][] ids, double[][] values, int[] targets, double[] weights) {
    static Rows of(EncodedData data, RowExample.Names names, ImmutableOutputInfo<Label> outputs) {
      int bias = data.featureNames().size();
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
            packed[n++] = (long) names.rank(x.feature(k)) << 32 | (k - x.start(r));
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
     * minibatch's sums; returns the count of features touched so far.
     */
    private int addGradient(Rows rows, int r, int batch, int count) {
      int[] ids = rows.ids()[r];
      double[] values = rows.values()[r];
      double max = -Double.MAX_VALUE;
      for (int o = 0; o < scores.length; o++) {
        double score = 0;
        for (int e = 0; e < ids.length; e++) {
          score += values[e] * weights[o][ids[e]];
        }
        scores[o] = score;
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
          for (double[] sum : sums) {
            sum[f] = 0;
          }
        }
        for (int o = 0; o < scores.length; o++) {
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
      for (int o = 0; o < weights.length; o++) {
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
