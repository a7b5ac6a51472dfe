package dev.precis.model;

import com.oracle.labs.mlrg.olcut.provenance.ListProvenance;
import com.oracle.labs.mlrg.olcut.provenance.ObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.BooleanProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import dev.precis.data.EncodedData;
import dev.precis.data.SparseRows;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.tribuo.CategoricalInfo;
import org.tribuo.Example;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.MutableDataset;
import org.tribuo.MutableOutputInfo;
import org.tribuo.RealInfo;
import org.tribuo.Tribuo;
import org.tribuo.VariableInfo;
import org.tribuo.classification.Label;
import org.tribuo.provenance.DataProvenance;
import org.tribuo.provenance.DatasetProvenance;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Encoded rows as a Tribuo dataset, and a sparse row as a Tribuo example; the examples read the
 * rows in place, so the rows must not change while the dataset or example is in use.
 */
public final class TribuoData {
  /** A fixed creation time keeps the provenance, and so the saved model, the same run to run. */
  private static final OffsetDateTime EPOCH =
      OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

  private static final int[] NONE = {};

  private TribuoData() {}

  /**
   * The rows as examples of their nonzero features. Tribuo learns of a feature only from an example
   * that holds it, so the first example also holds, as explicit zeros, every feature that no row
   * holds: the model knows all the pipeline's features, and a network's input is as wide as the
   * pipeline. Each example weighs its class's weight (see {@link EncodedData#weights}).
   */
  public static MutableDataset<Label> dataset(EncodedData data, String description) {
    MutableDataset<Label> dataset = new MutableDataset<>(source(description), Labels.FACTORY);
    RowExample.Names names = new RowExample.Names(data.featureNames().toArray(new String[0]));
    SparseRows x = data.x();
    int[] neverHeld = neverHeld(x.arrays(), data.featureNames().size());
    for (int r = 0; r < x.rows(); r++) {
      int[] zeros = r == 0 ? neverHeld : NONE;
      Example<Label> example = example(Labels.of(data.y()[r]), x, r, names, zeros, 0);
      // the trainers that take weights (Tribuo's WeightedExamples) read prep.imbalance's here
      example.setWeight((float) data.weights().of(data.y()[r]));
      dataset.add(example);
    }
    return dataset;
  }

  /**
   * What a trainer reads of {@link #dataset}{@code (data, description)} besides its examples: the
   * same features with the same ids, output info and provenance, built in one pass over the rows
   * without an example per row. Each feature's statistics are those a Tribuo {@link RealInfo}
   * gathers from its nonzero values in row order (count, min, max, and Welford's mean and sum of
   * squares), or none for a feature no row holds but as a zero. Where a dataset keeps a feature of
   * at most 50 distinct values as a {@code CategoricalInfo}, a histogram of its values, these keep
   * the real summary: a model's weights have no use for the histogram, and building it boxed every
   * value of a text's terms.
   *
   * @param outputs the rows' labels ({@link #outputs})
   * @throws IllegalArgumentException when a value is NaN, as the dataset would
   */
  static Domains domains(EncodedData data, ImmutableOutputInfo<Label> outputs, String description) {
    List<String> names = data.featureNames();
    SparseRows.Csr x = data.x().arrays();
    int[] starts = x.starts();
    int[] features = x.features();
    double[] values = x.values();
    int width = names.size();
    int[] neverHeld = neverHeld(x, width);
    RealStatistics statistics = new RealStatistics(width);
    boolean[] known = new boolean[width];
    int knownCount = 0;
    boolean dense = true;
    for (int r = 0; r < x.rows(); r++) {
      int before = knownCount;
      int start = starts[r];
      int end = starts[r + 1];
      int size = end - start;
      for (int k = start; k < end; k++) {
        double value = values[k];
        if (Double.isNaN(value)) {
          throw new IllegalArgumentException("row " + r + " holds a NaN value");
        }
        int feature = features[k];
        if (!known[feature]) {
          known[feature] = true;
          knownCount++;
        }
        statistics.observe(feature, value);
      }
      // the zeros dataset's row r also yields (see example)
      int[] zeros = r == 0 ? neverHeld : NONE;
      int[] extra = size == 0 && zeros.length == 0 ? new int[] {0} : zeros;
      for (int f : extra) {
        if (!known[f]) {
          known[f] = true;
          knownCount++;
        }
      }
      size += extra.length;
      // MutableDataset's rule: dense while no row after the first adds or lacks a feature
      if (before != 0 && (before < knownCount || size != knownCount)) {
        dense = false;
      }
    }
    List<VariableInfo> infos = new ArrayList<>(knownCount);
    for (int f = 0; f < width; f++) {
      if (known[f]) {
        infos.add(statistics.info(f, names.get(f)));
      }
    }
    Map<String, Provenance> fields =
        Map.of(
            ObjectProvenance.CLASS_NAME,
            new StringProvenance(ObjectProvenance.CLASS_NAME, MutableDataset.class.getName()),
            "datasource",
            source(description),
            "transformations",
            new ListProvenance<>(List.<ObjectProvenance>of()),
            "is-dense",
            new BooleanProvenance("is-dense", dense),
            "is-sequence",
            new BooleanProvenance("is-sequence", false),
            "num-examples",
            new IntProvenance("num-examples", x.rows()),
            "num-features",
            new IntProvenance("num-features", knownCount),
            "num-outputs",
            new IntProvenance("num-outputs", outputs.size()),
            "tribuo-version",
            new StringProvenance("tribuo-version", Tribuo.VERSION));
    return new Domains(
        FeatureMaps.of(infos),
        outputs,
        // the constructor takes the fields out of the map as it reads them
        new DatasetProvenance(new HashMap<>(fields)));
  }

  /** The labels of the rows, as a dataset of them would know them. */
  static ImmutableOutputInfo<Label> outputs(boolean[] y) {
    MutableOutputInfo<Label> outputs = Labels.FACTORY.generateInfo();
    for (boolean positive : y) {
      outputs.observe(Labels.of(positive));
    }
    return outputs.generateImmutableOutputInfo();
  }

  /**
   * The ids Tribuo's feature map gives these features when it knows them all, as it knows all of
   * {@link #domains}'s: their ranks by name. When the names are sorted already, as a text column's
   * terms are, that is their order, found without sorting.
   */
  static int[] featureIds(List<String> names) {
    int[] ids = new int[names.size()];
    Arrays.setAll(ids, f -> f);
    if (!FeatureMaps.inNameOrder(names, Function.identity())) {
      Integer[] byName = new Integer[ids.length];
      Arrays.setAll(byName, f -> f);
      Arrays.sort(byName, Comparator.comparing(names::get));
      for (int rank = 0; rank < ids.length; rank++) {
        ids[byName[rank]] = rank;
      }
    }
    return ids;
  }

  /** Per feature, what {@link RealInfo#observe} keeps, in arrays. */
  private static final class RealStatistics {
    private final int[] count;
    private final double[] min;
    private final double[] max;
    private final double[] mean;
    private final double[] sumSquares;

    RealStatistics(int width) {
      count = new int[width];
      min = new double[width];
      max = new double[width];
      mean = new double[width];
      sumSquares = new double[width];
      Arrays.fill(min, Double.POSITIVE_INFINITY);
      Arrays.fill(max, Double.NEGATIVE_INFINITY);
    }

    /** RealInfo's update: zeros are not counted. */
    void observe(int f, double value) {
      if (value == 0.0) {
        return;
      }
      count[f]++;
      min[f] = Math.min(min[f], value);
      max[f] = Math.max(max[f], value);
      double delta = value - mean[f];
      mean[f] += delta / count[f];
      sumSquares[f] += delta * (value - mean[f]);
    }

    /**
     * The feature's statistics; one never seen but as a zero has none, as in Tribuo's dataset (a
     * RealInfo of no values would hold a minimum above its maximum, which Tribuo refuses to load).
     */
    VariableInfo info(int f, String name) {
      return count[f] == 0
          ? new CategoricalInfo(name)
          : new RealInfo(name, count[f], max[f], min[f], mean[f], sumSquares[f]);
    }
  }

  /** A dataset's feature and output domains and its provenance. */
  record Domains(
      ImmutableFeatureMap features,
      ImmutableOutputInfo<Label> outputs,
      DatasetProvenance provenance) {}

  private static DataProvenance source(String description) {
    return new SimpleDataSourceProvenance(description, EPOCH, Labels.FACTORY);
  }

  /** The features that no row holds. */
  private static int[] neverHeld(SparseRows.Csr x, int width) {
    boolean[] held = new boolean[width];
    int[] features = x.features();
    int entries = x.starts()[x.rows()];
    for (int k = 0; k < entries; k++) {
      held[features[k]] = true;
    }
    int count = 0;
    for (boolean h : held) {
      count += h ? 0 : 1;
    }
    int[] never = new int[count];
    for (int f = 0, n = 0; n < count; f++) {
      if (!held[f]) {
        never[n++] = f;
      }
    }
    return never;
  }

  /**
   * Row {@code r} as an example of its nonzero features and of {@code zeros}, features it does not
   * hold, with value 0. Tribuo cannot use an example without a feature the model knows: a row that
   * would have no feature holds {@code fallback}, one the model knows, as a zero.
   */
  static Example<Label> example(
      Label label, SparseRows x, int r, RowExample.Names names, int[] zeros, int fallback) {
    int[] extra = x.end(r) == x.start(r) && zeros.length == 0 ? new int[] {fallback} : zeros;
    return new RowExample(label, names, x, r, extra);
  }
}
