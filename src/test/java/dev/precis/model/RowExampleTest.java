package dev.precis.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.precis.data.EncodedData;
import dev.precis.data.SparseRows;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;

/**
 * Specifies the training examples: they read the encoded rows in place, yet give Tribuo exactly the
 * features, values and order (by name) that a copied {@link ArrayExample} would.
 */
class RowExampleTest {
  /** Not in name order, so the examples must sort them as Tribuo does. */
  private static final List<String> NAMES = List.of("z", "b", "m", "a", "never");

  private static EncodedData data() {
    SparseRows x = new SparseRows(NAMES.size());
    x.put(0, 1.5);
    x.put(1, -2.0);
    x.put(3, 4.0);
    x.endRow();
    x.endRow();
    x.put(2, 3.0);
    x.endRow();
    return new EncodedData(NAMES, x, new boolean[] {true, false, true});
  }

  @Test
  void datasetExamplesDoNotCopyTheRows() {
    for (Example<Label> example : TribuoData.dataset(data(), "test")) {
      assertFalse(example instanceof ArrayExample, "a copy of the row's names and values");
    }
  }

  @Test
  void examplesYieldWhatACopiedArrayExampleWould() {
    MutableDataset<Label> dataset = TribuoData.dataset(data(), "test");
    for (Example<Label> example : dataset) {
      assertEquals(features(new ArrayExample<>(example)), features(example));
    }
    assertEquals(List.of("a=4.0", "b=-2.0", "never=0.0", "z=1.5"), features(dataset.getExample(0)));
  }

  @Test
  void aRowWithoutFeaturesYieldsTheFallbackAsAZero() {
    EncodedData data = data();
    Example<Label> example =
        TribuoData.example(
            Labels.of(false),
            data.x(),
            1,
            new RowExample.Names(NAMES.toArray(new String[0])),
            new int[0],
            2);
    assertEquals(List.of("m=0.0"), features(example));
  }

  private static List<String> features(Example<Label> example) {
    List<String> out = new ArrayList<>();
    for (Feature f : example) {
      out.add(f.getName() + "=" + f.getValue());
    }
    assertEquals(example.size(), out.size());
    return out;
  }
}
