package dev.precis.model;

import dev.precis.data.EncodedData;
import dev.precis.data.SparseRows;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.stream.IntStream;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
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
    MutableDataset<Label> dataset =
        new MutableDataset<>(
            new SimpleDataSourceProvenance(description, EPOCH, Labels.FACTORY), Labels.FACTORY);
    RowExample.Names names = new RowExample.Names(data.featureNames().toArray(new String[0]));
    SparseRows x = data.x();
    boolean[] held = new boolean[data.featureNames().size()];
    for (int k = 0; x.rows() > 0 && k < x.end(x.rows() - 1); k++) {
      held[x.feature(k)] = true;
    }
    int[] neverHeld = IntStream.range(0, held.length).filter(f -> !held[f]).toArray();
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
