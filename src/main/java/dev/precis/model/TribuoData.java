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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.tribuo.Example;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.MutableDataset;
import org.tribuo.MutableFeatureMap;
import org.tribuo.MutableOutputInfo;
import org.tribuo.Tribuo;
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
    int[] neverHeld = neverHeld(x, data.featureNames().size());
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
   * same feature map (with the same statistics), output info and provenance, built in one pass over
   * the rows without an example per row.
   *
   * @throws IllegalArgumentException when a value is NaN, as the dataset would
   */
  static Domains domains(EncodedData data, String description) {
    String[] names = data.featureNames().toArray(new String[0]);
    SparseRows x = data.x();
    int[] neverHeld = neverHeld(x, names.length);
    MutableFeatureMap features = new MutableFeatureMap();
    MutableOutputInfo<Label> outputs = Labels.FACTORY.generateInfo();
    boolean dense = true;
    for (int r = 0; r < x.rows(); r++) {
      int before = features.size();
      int size = x.end(r) - x.start(r);
      for (int k = x.start(r); k < x.end(r); k++) {
        if (Double.isNaN(x.value(k))) {
          throw new IllegalArgumentException("row " + r + " holds a NaN value");
        }
        features.add(names[x.feature(k)], x.value(k));
      }
      // the zeros dataset's row r also yields (see example)
      int[] zeros = r == 0 ? neverHeld : NONE;
      int[] extra = size == 0 && zeros.length == 0 ? new int[] {0} : zeros;
      for (int f : extra) {
        features.add(names[f], 0.0);
      }
      size += extra.length;
      outputs.observe(Labels.of(data.y()[r]));
      // MutableDataset's rule: dense while no row after the first adds or lacks a feature
      if (before != 0 && (before < features.size() || size != features.size())) {
        dense = false;
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
            new IntProvenance("num-features", features.size()),
            "num-outputs",
            new IntProvenance("num-outputs", outputs.size()),
            "tribuo-version",
            new StringProvenance("tribuo-version", Tribuo.VERSION));
    return new Domains(
        new ImmutableFeatureMap(features),
        outputs.generateImmutableOutputInfo(),
        // the constructor takes the fields out of the map as it reads them
        new DatasetProvenance(new HashMap<>(fields)));
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
  private static int[] neverHeld(SparseRows x, int width) {
    boolean[] held = new boolean[width];
    for (int k = 0; x.rows() > 0 && k < x.end(x.rows() - 1); k++) {
      held[x.feature(k)] = true;
    }
    return IntStream.range(0, held.length).filter(f -> !held[f]).toArray();
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
