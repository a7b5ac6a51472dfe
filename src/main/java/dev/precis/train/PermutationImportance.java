package dev.precis.train;

import dev.precis.PrecisException;
import dev.precis.data.EncodedData;
import dev.precis.data.FeatureColumns;
import dev.precis.data.FeaturePipeline;
import dev.precis.data.SparseRows;
import dev.precis.data.Splits;
import dev.precis.eval.BinaryMetricsCalculator;
import dev.precis.model.Scorer;
import dev.precis.report.ImportanceSummary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Global importance of each input column, for any model: the drop in AUC when the column's features
 * are shuffled together across the rows (permutation importance), repeated with several seeded
 * shuffles. Measured on the validation rows, or on the training rows when there are none; a large
 * part is sampled down to {@link #MAX_ROWS} rows so it stays cheap. Every shuffle's seed depends
 * only on the seed, the column and the repeat, so the result does not depend on the threads.
 */
public final class PermutationImportance {
  /** The most rows scored per shuffle. */
  static final int MAX_ROWS = 20_000;

  /** Shuffles per column. */
  static final int REPEATS = 5;

  private PermutationImportance() {}

  /**
   * @param scorer the bundle's scorer, calibration included
   * @param pipeline the pipeline that encoded the rows, which says which column made each feature
   * @param valid the validation rows; may be empty
   * @param train the training rows, measured on when {@code valid} is empty
   * @param threads how many columns are measured at once
   */
  public static ImportanceSummary measure(
      Scorer scorer,
      FeaturePipeline pipeline,
      EncodedData valid,
      EncodedData train,
      long seed,
      int threads) {
    boolean onValid = valid.rows() > 0;
    EncodedData rows = sample(onValid ? valid : train, seed);
    String part = onValid ? "valid" : "train";
    String note =
        onValid
            ? null
            : "no validation rows (prep.split.valid is 0): measured on the training rows, where a"
                + " column the model overfits looks more important than it is";
    if (rows.positives() == 0 || rows.positives() == rows.rows()) {
      return new ImportanceSummary(
          "permutation",
          "auc",
          part,
          rows.rows(),
          REPEATS,
          null,
          "the " + part + " rows hold a single class, so there is no AUC to measure a drop in",
          List.of());
    }
    double baseline = BinaryMetricsCalculator.auc(scorer.score(rows.x()), rows.y());
    Map<String, boolean[]> columns = columnFeatures(pipeline);
    List<ImportanceSummary.Column> measured =
        measureAll(scorer, rows, baseline, columns, seed, threads);
    List<ImportanceSummary.Column> sorted = new ArrayList<>(measured);
    sorted.sort(
        Comparator.comparingDouble(ImportanceSummary.Column::mean)
            .reversed()
            .thenComparing(ImportanceSummary.Column::column));
    return new ImportanceSummary(
        "permutation", "auc", part, rows.rows(), REPEATS, baseline, note, sorted);
  }

  /** At most {@link #MAX_ROWS} of the rows, a seeded choice kept in file order. */
  static EncodedData sample(EncodedData rows, long seed) {
    if (rows.rows() <= MAX_ROWS) {
      return rows;
    }
    int[] chosen = Arrays.copyOf(Splits.permutation(rows.rows(), seed), MAX_ROWS);
    Arrays.sort(chosen);
    return rows.subset(chosen);
  }

  /** For each input column (in pipeline order), which features its steps write. */
  private static Map<String, boolean[]> columnFeatures(FeaturePipeline pipeline) {
    FeatureColumns columns = FeatureColumns.of(pipeline);
    Map<String, boolean[]> features = new LinkedHashMap<>();
    for (int c = 0; c < columns.size(); c++) {
      features.put(columns.names().get(c), columns.features(c));
    }
    return features;
  }

  private static List<ImportanceSummary.Column> measureAll(
      Scorer scorer,
      EncodedData rows,
      double baseline,
      Map<String, boolean[]> columns,
      long seed,
      int threads) {
    ExecutorService pool =
        Executors.newFixedThreadPool(Math.max(1, Math.min(threads, columns.size())));
    try {
      List<Future<ImportanceSummary.Column>> futures = new ArrayList<>();
      int index = 0;
      for (Map.Entry<String, boolean[]> column : columns.entrySet()) {
        long columnSeed = seed + 1_000_003L * ++index;
        futures.add(
            pool.submit(
                () ->
                    measure(
                        scorer, rows, baseline, column.getKey(), column.getValue(), columnSeed)));
      }
      List<ImportanceSummary.Column> measured = new ArrayList<>();
      for (Future<ImportanceSummary.Column> future : futures) {
        measured.add(future.get());
      }
      return measured;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PrecisException(1, "interrupted while measuring feature importance", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException runtime
          ? runtime
          : new PrecisException(1, "measuring feature importance failed: " + e.getCause(), e);
    } finally {
      pool.shutdownNow();
    }
  }

  private static ImportanceSummary.Column measure(
      Scorer scorer,
      EncodedData rows,
      double baseline,
      String column,
      boolean[] features,
      long seed) {
    double[] drops = new double[REPEATS];
    for (int r = 0; r < REPEATS; r++) {
      int[] donors = Splits.permutation(rows.rows(), seed + r);
      SparseRows shuffled = withColumnFrom(rows.x(), features, donors);
      drops[r] = baseline - BinaryMetricsCalculator.auc(scorer.score(shuffled), rows.y());
    }
    double mean = Arrays.stream(drops).average().orElse(0);
    double squares = Arrays.stream(drops).map(d -> (d - mean) * (d - mean)).sum();
    return new ImportanceSummary.Column(column, mean, Math.sqrt(squares / (REPEATS - 1)));
  }

  /** The rows, each with the column's features of row {@code donors[row]} in place of its own. */
  private static SparseRows withColumnFrom(SparseRows x, boolean[] features, int[] donors) {
    SparseRows out = new SparseRows(x.width());
    for (int r = 0; r < x.rows(); r++) {
      int own = x.start(r);
      int donor = x.start(donors[r]);
      while (true) {
        while (own < x.end(r) && features[x.feature(own)]) {
          own++;
        }
        while (donor < x.end(donors[r]) && !features[x.feature(donor)]) {
          donor++;
        }
        boolean ownLeft = own < x.end(r);
        boolean donorLeft = donor < x.end(donors[r]);
        if (!ownLeft && !donorLeft) {
          break;
        }
        if (donorLeft && (!ownLeft || x.feature(donor) < x.feature(own))) {
          out.put(x.feature(donor), x.value(donor));
          donor++;
        } else {
          out.put(x.feature(own), x.value(own));
          own++;
        }
      }
      out.endRow();
    }
    return out;
  }
}
