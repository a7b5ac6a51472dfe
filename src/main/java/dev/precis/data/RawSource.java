package dev.precis.data;

import dev.precis.io.InputFile;
import java.util.ArrayList;
import java.util.List;

/**
 * A raw CSV read whole, its schema and target understood: the split fits the pipeline on the train
 * part, and each search fold fits its own pipeline on its own training rows, so no fold's
 * validation rows leak into its scaling or levels.
 */
record RawSource(Preparation.Source source) implements DataSource {

  @Override
  public InputFile input() {
    return source.table().input();
  }

  @Override
  public List<String> warnings() {
    return source.schema().warnings();
  }

  @Override
  public PreparedData split() {
    return Preparation.encode(source).data();
  }

  @Override
  public List<Fold> searchFolds(int k, long seed) {
    Target target = source.target();
    int[] searchable = Splits.complement(target.rows().length, source.splits().test());
    boolean[] labels = new boolean[searchable.length];
    boolean[] treated = target.treated() == null ? null : new boolean[searchable.length];
    for (int i = 0; i < searchable.length; i++) {
      labels[i] = target.labels()[searchable[i]];
      if (treated != null) {
        treated[i] = target.treated()[searchable[i]];
      }
    }
    SearchFolds.requireBothClasses(source.table().file(), labels, k);
    if (treated != null) {
      SearchFolds.requireEveryCell(source.table().file(), labels, treated, k);
    }
    List<Fold> folds = new ArrayList<>();
    for (int[] valid : Splits.folds(labels, treated, k, seed)) {
      int[] train = pick(searchable, Splits.complement(searchable.length, valid));
      EncodedData[] encoded = source.fitAndEncode(train, train, pick(searchable, valid));
      folds.add(new Fold(encoded[0], encoded[1]));
    }
    return folds;
  }

  private static int[] pick(int[] values, int[] indices) {
    int[] out = new int[indices.length];
    for (int i = 0; i < indices.length; i++) {
      out[i] = values[indices[i]];
    }
    return out;
  }
}
