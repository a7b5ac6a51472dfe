package dev.precis.model;

import dev.precis.data.EncodedData;
import dev.precis.data.SparseRows;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.LinearParameters;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.provenance.TrainerProvenance;

/**
 * Tribuo's logistic regression (a {@link LinearSGDTrainer} with {@link LogMulticlass} and {@link
 * AdaGrad} steps) run on the encoded rows' arrays, for the two classes every Precis model has.
 * Tribuo's own loop builds a sparse tensor per row and merges each minibatch through a heap, which
 * took most of the time of a fit on text; this loop makes the same shuffles (the trainer's first
 * split of its seed's generator), the same minibatch gradients, scaled as Tribuo scales them, and
 * the same AdaGrad steps, and returns the same kind of {@link LinearSGDModel}. Only the order in
 * which a minibatch's rows are summed differs (row order here, heap order there), and the first
 * class's weights are set to the negation of the second's rather than learned beside them (in
 * Tribuo's they are that negation but for rounding), so a weight may differ from Tribuo's in its
 * last bits. The steps run on one thread: the model depends on the seed alone.
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
   * would take from the rows as a dataset ({@link TribuoTraining#domains}), built without one. The
   * feature map takes a pass over the rows and a map of the features' names, which the steps do not
   * need: with two threads or more it is built on a thread of its own while the steps run. The
   * steps number the features as Tribuo will ({@link TribuoData#featureIds}), and the map is then
   * seen to number them so.
   *
   * @throws IllegalStateException when it does not: the weights would belong to other features
   */
  LinearSGDModel fit(EncodedData train, int threads) {
    ImmutableOutputInfo<Label> outputs = TribuoData.outputs(train.y());
    if (outputs.size() != 2) {
      throw new IllegalArgumentException(
          "logistic regression needs rows of two classes, not " + outputs.size());
    }
    Supplier<TribuoData.Domains> domains =
        Background.start(threads > 1, () -> TribuoTraining.domains(train, outputs));
    List<String> names = train.featureNames();
    int[] ids = TribuoData.featureIds(names);
    Rows rows = Rows.of(train, ids, outputs);
    // the lines Tribuo's trainer logs, so that --verbose tells as much as it did
    LOG.info(String.format("Training SGD model with %d examples", rows.targets().length));
    LOG.info("Outputs - " + outputs.toReadableString());
    double[] weights = new Steps(ids.length + 1, rng.split()).run(rows);
    TrainerProvenance trainer = getProvenance();
    TribuoData.Domains domain = domains.get();
    for (int f = 0; f < ids.length; f++) {
      if (domain.features().getID(names.get(f)) != ids[f]) {
        throw new IllegalStateException(
            "Tribuo numbers feature " + names.get(f) + " otherwise than the fit did");
      }
    }
    ModelProvenance provenance =
        new ModelProvenance(
            getModelClassName(), OffsetDateTime.now(), domain.provenance(), trainer, Map.of());
    LinearParameters parameters = new LinearParameters(weights.length, outputs.size());
    DenseMatrix matrix = parameters.getWeightMatrix();
    for (int f = 0; f < weights.length; f++) {
      matrix.set(0, f, -weights[f]);
      matrix.set(1, f, weights[f]);
    }
    return createModel(getName(), provenance, domain.features(), outputs, parameters);
  }

  /**
   * The rows as Tribuo's trainer sees them, in compressed sparse rows: features by Tribuo's ids in
   * ascending order (the encoded rows hold no zeros, which would change nothing), then the bias,
   * whose value 1 is implied rather than stored; and each row's label id and weight. The arrays are
   * the encoded rows' own where Tribuo numbers the features as the pipeline does, and are only
   * read.
   */
  private record Rows(int[] starts, int[] ids, double[] values, int[] targets, double[] weights) {
    static Rows of(EncodedData data, int[] tribuoId, ImmutableOutputInfo<Label> outputs) {
      SparseRows.Csr x = data.x().arrays();
      int[] ids = x.features();
      double[] values = x.values();
      if (!identity(tribuoId)) {
        int[] features = x.features();
        int entries = x.starts()[x.rows()];
        ids = new int[entries];
        for (int k = 0; k < entries; k++) {
          ids[k] = tribuoId[features[k]];
        }
        values = Arrays.copyOf(values, entries);
        sortEachRow(x.rows(), x.starts(), ids, values);
      }
      int[] targets = new int[x.rows()];
      double[] weights = new double[x.rows()];
      for (int r = 0; r < x.rows(); r++) {
        targets[r] = outputs.getID(Labels.of(data.y()[r]));
        weights[r] = data.weights().of(data.y()[r]);
      }
      return new Rows(x.starts(), ids, values, targets, weights);
    }

    /**
     * Whether Tribuo numbers the features as the pipeline does, as it numbers those of a pipeline
     * whose names are sorted (a text column's terms): the rows are then Tribuo's as they are.
     */
    private static boolean identity(int[] tribuoId) {
      for (int f = 0; f < tribuoId.length; f++) {
        if (tribuoId[f] != f) {
          return false;
        }
      }
      return true;
    }

    /** Sorts each row's entries by their ids, in place. */
    private static void sortEachRow(int rows, int[] starts, int[] ids, double[] values) {
      long[] packed = new long[0];
      double[] copy = new double[0];
      for (int r = 0; r < rows; r++) {
        int start = starts[r];
        int n = starts[r + 1] - start;
        if (packed.length < n) {
          packed = new long[n];
          copy = new double[n];
        }
        for (int e = 0; e < n; e++) {
          packed[e] = (long) ids[start + e] << 32 | e;
        }
        Arrays.sort(packed, 0, n);
        System.arraycopy(values, start, copy, 0, n);
        for (int e = 0; e < n; e++) {
          ids[start + e] = (int) (packed[e] >>> 32);
          values[start + e] = copy[(int) packed[e]];
        }
      }
    }
  }

  /**
   * The SGD loop over the rows, with AdaGrad's running sums of squared gradients. Each gradient of
   * the first class's weights is the negation of the second's (to the last bit or two), so the
   * second's alone are learned, at half the work; the first's are their negation.
   */
  private final class Steps {
    // the second class's weights, the bias's last
    private final double[] weights;
    private final double[] squares;
    private final double[] sums;
    private final SplittableRandom random;
    // the features a minibatch touched, and a mark per feature of the last minibatch to touch it
    private final int[] touched;
    private final int[] mark;
    private final int bias;

    Steps(int width, SplittableRandom random) {
      this.random = random;
      weights = new double[width];
      squares = new double[width];
      sums = new double[width];
      touched = new int[width];
      mark = new int[width];
      Arrays.fill(mark, -1);
      bias = width - 1;
    }

    /**
     * Runs the epochs; returns the second class's weights. One method for the whole loop, the
     * gradient and the step written in it, whose branches all go both ways within the first
     * minibatches: the JIT compiles it once, on its stack. A method per row was compiled four or
     * five times over while the fit ran (on entry and at each of its loops), and a branch first
     * taken later (an epoch's end, the bias after a row's features) threw the compiled loop away.
     */
    double[] run(Rows rows) {
      int n = rows.targets().length;
      int[] starts = rows.starts();
      int[] ids = rows.ids();
      double[] values = rows.values();
      int[] targets = rows.targets();
      double[] rowWeights = rows.weights();
      int[] order = new int[n];
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      // one loop over every epoch's minibatches, each epoch's shuffle a branch taken at the first
      int perEpoch = (n + minibatchSize - 1) / minibatchSize;
      for (int batch = 0; batch < epochs * perEpoch; batch++) {
        int first = batch % perEpoch * minibatchSize;
        if (first == 0) {
          shuffle(order);
        }
        int last = Math.min(first + minibatchSize, n);
        // every row holds the bias, 1
        touched[0] = bias;
        sums[bias] = 0;
        int count = 1;
        for (int i = first; i < last; i++) {
          // row r's gradient of the log-likelihood, (one-hot target - softmax) times the row,
          // added to the minibatch's sums: the second class's, scaled by the row's weight
          int r = order[i];
          int start = starts[r];
          int end = starts[r + 1];
          double score = 0;
          for (int e = start; e < end; e++) {
            score += values[e] * weights[ids[e]];
          }
          score += weights[bias];
          // the softmax of (-score, score), each less the larger: that one's exp is 1, the other's
          // exp(-2|score|), so one exp serves, and the result is the same to the last bit
          double small = Math.exp(-2 * Math.abs(score));
          double gradient = score >= 0 ? -(1 / (small + 1)) : -(small / (1 + small));
          if (targets[r] == 1) {
            gradient += 1.0;
          }
          gradient *= rowWeights[r];
          for (int e = start; e < end; e++) {
            int f = ids[e];
            if (mark[f] != batch) {
              mark[f] = batch;
              touched[count++] = f;
              sums[f] = 0;
            }
            sums[f] += gradient * values[e];
          }
          sums[bias] += gradient;
        }
        // AdaGrad's step on the touched features, with Tribuo's scaling: the summed gradient
        // times the batch size, and a weight of the rows' share of a full batch
        double weight = (last - first) / (double) minibatchSize;
        double rate = weight * learningRate;
        for (int t = 0; t < count; t++) {
          int f = touched[t];
          double gradient = sums[f] * minibatchSize;
          squares[f] += weight * weight * gradient * gradient;
          weights[f] += gradient * (rate / (EPSILON + Math.sqrt(squares[f])));
        }
      }
      return weights;
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
  }
}
