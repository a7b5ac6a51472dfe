package dev.precis.model;

import dev.precis.data.SparseRows;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.FeatureMap;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;
import org.tribuo.protos.core.ExampleProto;
import org.tribuo.util.Merger;

/**
 * A row of {@link SparseRows} as a Tribuo example, read in place: a training set of a million rows
 * keeps one small object per row instead of a copy of its names and values. It yields the same
 * features, in the same order (by name), as the {@link ArrayExample} of the row would, so a model
 * trains and scores the same. Read-only: the methods that would change it throw {@link
 * UnsupportedOperationException}, and {@link #copy} gives a mutable {@link ArrayExample}.
 */
final class RowExample extends Example<Label> {
  private final Names names;
  private final SparseRows x;
  private final int row;

  /** Features the row does not hold that it yields too, with value 0. */
  private final int[] zeros;

  /** Row {@code row} of {@code x} with its nonzero features and {@code zeros}, valued 0. */
  RowExample(Label label, Names names, SparseRows x, int row, int[] zeros) {
    super(label);
    this.names = names;
    this.x = x;
    this.row = row;
    this.zeros = zeros;
  }

  /** The pipeline's feature names, and each one's rank among them sorted: shared by every row. */
  static final class Names {
    private final String[] names;
    private final int[] rank;

    Names(String[] names) {
      this.names = names;
      Integer[] byName = new Integer[names.length];
      Arrays.setAll(byName, f -> f);
      Arrays.sort(byName, (a, b) -> names[a].compareTo(names[b]));
      this.rank = new int[names.length];
      for (int r = 0; r < byName.length; r++) {
        rank[byName[r]] = r;
      }
    }
  }

  @Override
  public int size() {
    return x.end(row) - x.start(row) + zeros.length;
  }

  @Override
  public Iterator<Feature> iterator() {
    int nonzero = x.end(row) - x.start(row);
    // Each feature's rank by name above its position in the row: sorting them gives name order.
    long[] order = new long[size()];
    for (int i = 0; i < order.length; i++) {
      int f = i < nonzero ? x.feature(x.start(row) + i) : zeros[i - nonzero];
      order[i] = (long) names.rank[f] << 32 | i;
    }
    Arrays.sort(order);
    return new Iterator<>() {
      private int next;

      @Override
      public boolean hasNext() {
        return next < order.length;
      }

      @Override
      public Feature next() {
        if (next == order.length) {
          throw new NoSuchElementException();
        }
        int i = (int) order[next++];
        return i < nonzero
            ? new Feature(names.names[x.feature(x.start(row) + i)], x.value(x.start(row) + i))
            : new Feature(names.names[zeros[i - nonzero]], 0.0);
      }
    };
  }

  /** Valid as an {@link ArrayExample} is: a feature at least, and no value that is NaN. */
  @Override
  public boolean validateExample() {
    if (size() == 0) {
      return false;
    }
    for (int k = x.start(row); k < x.end(row); k++) {
      if (Double.isNaN(x.value(k))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean isDense(FeatureMap fMap) {
    return size() == fMap.size();
  }

  /** The names are the pipeline's own strings, shared by every row already. */
  @Override
  public void canonicalize(FeatureMap featureMap) {}

  @Override
  public Example<Label> copy() {
    return new ArrayExample<>(this);
  }

  @Override
  public ExampleProto serialize() {
    return new ArrayExample<>(this).serialize();
  }

  @Override
  protected void sort() {}

  @Override
  public void add(Feature feature) {
    throw readOnly();
  }

  @Override
  public void addAll(Collection<? extends Feature> features) {
    throw readOnly();
  }

  @Override
  public void removeFeatures(List<Feature> features) {
    throw readOnly();
  }

  @Override
  public void reduceByName(Merger merger) {
    throw readOnly();
  }

  @Override
  protected void densify(List<String> featureList) {
    throw readOnly();
  }

  @Override
  public void set(Feature feature) {
    throw readOnly();
  }

  private static UnsupportedOperationException readOnly() {
    return new UnsupportedOperationException("a row of the encoded data is read-only");
  }
}
