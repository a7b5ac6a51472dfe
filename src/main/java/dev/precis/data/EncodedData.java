package dev.precis.data;

import dev.precis.PrecisException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Rows turned into model features, with their labels. The features are sparse: a row holds its
 * nonzero values only.
 *
 * @param featureNames one name per feature, the width of {@code x}
 * @param x one row of features per labelled row
 * @param y whether each row is a positive (a responder)
 * @param sequences the runs of features that hold a text's tokens in order; none unless the
 *     pipeline gives texts as sequences
 * @param weights each class's weight in a fit on these rows (prep.imbalance weights); 1 each unless
 *     {@link #withWeights} set them
 * @param treated under task uplift, whether each row is in the treated arm (else the control arm);
 *     null for a response
 */
public record EncodedData(
    List<String> featureNames,
    SparseRows x,
    boolean[] y,
    List<TokenSequence> sequences,
    ClassWeights weights,
    boolean[] treated) {
  /** Rows of a response, not of an experiment. */
  public EncodedData(
      List<String> featureNames,
      SparseRows x,
      boolean[] y,
      List<TokenSequence> sequences,
      ClassWeights weights) {
    this(featureNames, x, y, sequences, weights, null);
  }

  /** Rows with no text given as a token sequence. */
  public EncodedData(List<String> featureNames, SparseRows x, boolean[] y) {
    this(featureNames, x, y, List.of());
  }

  /** Rows whose classes weigh the same. */
  public EncodedData(
      List<String> featureNames, SparseRows x, boolean[] y, List<TokenSequence> sequences) {
    this(featureNames, x, y, sequences, ClassWeights.NONE);
  }

  public EncodedData {
    featureNames = List.copyOf(featureNames);
    sequences = List.copyOf(sequences);
    weights = weights == null ? ClassWeights.NONE : weights;
    if (x.rows() != y.length
        || x.width() != featureNames.size()
        || (treated != null && treated.length != y.length)) {
      throw new IllegalArgumentException(
          x.rows() + " rows of " + x.width() + " features for " + y.length + " labels");
    }
  }

  /** No rows, of the pipeline's features. */
  public static EncodedData empty(FeaturePipeline pipeline) {
    List<String> names = pipeline.featureNames();
    return new EncodedData(
        names, new SparseRows(names.size()), new boolean[0], pipeline.sequences());
  }

  public int rows() {
    return y.length;
  }

  /** How many rows are positive. */
  public long positives() {
    return Splits.positives(y);
  }

  /** The same rows, their classes weighing these weights in a fit. */
  public EncodedData withWeights(ClassWeights classWeights) {
    return new EncodedData(featureNames, x, y, sequences, classWeights, treated);
  }

  /** The rows at the given indices, in that order (an index may repeat), with these weights. */
  public EncodedData subset(int[] indices) {
    return new EncodedData(
        featureNames,
        x.subset(indices),
        pick(y, indices),
        sequences,
        weights,
        treated == null ? null : pick(treated, indices));
  }

  /**
   * The same rows with other features (the arm added as one, say) and these labels, arms dropped.
   */
  public EncodedData withFeatures(List<String> names, SparseRows rows, boolean[] labels) {
    return new EncodedData(names, rows, labels, sequences, weights, null);
  }

  /** These rows followed by {@code more}'s, which must have the same features; these weights. */
  public EncodedData concat(EncodedData more) {
    return new EncodedData(
        featureNames,
        x.concat(more.x()),
        joined(y, more.y()),
        sequences,
        weights,
        treated == null || more.treated() == null ? null : joined(treated, more.treated()));
  }

  private static boolean[] joined(boolean[] a, boolean[] b) {
    boolean[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static boolean[] pick(boolean[] values, int[] indices) {
    boolean[] out = new boolean[indices.length];
    for (int i = 0; i < indices.length; i++) {
      out[i] = values[indices[i]];
    }
    return out;
  }

  /**
   * Encodes the given labelled rows of a table on up to {@code threads} threads: the rows go in
   * runs, each through its own encoder, joined in order, so the result does not depend on the
   * thread count. What makes it worth it is a step as costly as a sentence encoder.
   *
   * @throws dev.precis.PrecisException (data) for the first row, in order, that cannot be encoded
   */
  public static EncodedData encode(
      CsvTable table, FeaturePipeline pipeline, Target target, int[] which, int threads) {
    int runs = Math.max(1, Math.min(4 * threads, which.length / MIN_RUN));
    boolean[] y = pick(target.labels(), which);
    List<Callable<SparseRows>> work = new ArrayList<>();
    for (int r = 0; r < runs; r++) {
      int from = (int) ((long) which.length * r / runs);
      int to = (int) ((long) which.length * (r + 1) / runs);
      work.add(() -> encodeRun(table, pipeline, target, which, from, to));
    }
    List<String> names;
    List<SparseRows> parts = new ArrayList<>();
    if (runs == 1) {
      parts.add(call(work.get(0)));
      names = pipeline.featureNames();
    } else {
      ExecutorService pool = pool(Math.min(threads, runs));
      try {
        List<Future<SparseRows>> futures = new ArrayList<>();
        work.forEach(w -> futures.add(pool.submit(w)));
        // the features' names are made while the rows are encoded: a text's terms make thousands
        names = pipeline.featureNames();
        for (Future<SparseRows> future : futures) {
          parts.add(await(future));
        }
      } finally {
        pool.shutdownNow();
      }
    }
    return new EncodedData(
        names,
        SparseRows.join(pipeline.featureCount(), parts),
        y,
        pipeline.sequences(),
        ClassWeights.NONE,
        target.treated() == null ? null : pick(target.treated(), which));
  }

  // below this many rows a run is not worth a thread
  private static final int MIN_RUN = 256;

  private static SparseRows encodeRun(
      CsvTable table, FeaturePipeline pipeline, Target target, int[] which, int from, int to) {
    RowEncoder encoder = pipeline.encoder(table.file(), table.columns());
    SparseRows x = new SparseRows(encoder.featureCount());
    String[] fields = new String[table.columns().size()];
    for (int i = from; i < to; i++) {
      int row = target.rows()[which[i]];
      try {
        table.readRow(row, fields);
        encoder.atRow(table, row);
        encoder.encode(fields, x);
      } catch (RowEncoder.BadValue e) {
        throw DataFiles.error(
            table.file(),
            table.lines()[row],
            e.getMessage() + "; fix the value or list it in prep.missing.tokens");
      }
    }
    return x.trimmed();
  }

  private static ExecutorService pool(int threads) {
    return Executors.newFixedThreadPool(
        threads,
        r -> {
          Thread t = new Thread(r, "precis-encode");
          t.setDaemon(true);
          return t;
        });
  }

  private static SparseRows call(Callable<SparseRows> work) {
    try {
      return work.call();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static SparseRows await(Future<SparseRows> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PrecisException(1, "interrupted while encoding rows", e);
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
}
