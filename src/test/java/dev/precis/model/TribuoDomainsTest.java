package dev.precis.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precis.data.EncodedData;
import dev.precis.data.SparseRows;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.MutableDataset;
import org.tribuo.RealInfo;
import org.tribuo.VariableInfo;
import org.tribuo.classification.Label;

/**
 * Specifies {@link TribuoData#domains}: the feature map (each feature's statistics included),
 * output info and provenance are those of the rows as a Tribuo dataset, on tabular rows, text rows,
 * and rows that hold no feature or leave a feature unheld.
 */
class TribuoDomainsTest {

  private static void assertSameDomains(EncodedData data) {
    MutableDataset<Label> dataset = TribuoData.dataset(data, "rows");
    TribuoData.Domains domains = TribuoData.domains(data, "rows");
    ImmutableFeatureMap expected = dataset.getFeatureIDMap();
    ImmutableFeatureMap actual = domains.features();
    assertEquals(expected.size(), actual.size());
    for (VariableInfo info : expected) {
      assertEquals(info, actual.get(info.getName()), info.getName());
    }
    ImmutableOutputInfo<Label> outputs = dataset.getOutputIDInfo();
    assertEquals(outputs.toReadableString(), domains.outputs().toReadableString());
    for (Label label : outputs.getDomain()) {
      assertEquals(outputs.getID(label), domains.outputs().getID(label), label.getLabel());
    }
    assertEquals(dataset.getProvenance(), domains.provenance());
  }

  @Test
  void matchesTheDatasetOfTabularRows() {
    assertSameDomains(SparseLogisticTrainerTest.bank().train());
  }

  @Test
  void matchesTheDatasetOfTextRows() {
    assertSameDomains(SparseLogisticTrainerTest.sms().train());
  }

  /** Feature a takes 80 values (Tribuo's statistics turn real after 50), then rows go empty. */
  @Test
  void matchesTheDatasetOfRowsWithoutFeaturesAndAFeatureNoRowHolds() {
    SparseRows x = new SparseRows(3);
    boolean[] y = new boolean[120];
    for (int r = 0; r < y.length; r++) {
      y[r] = r % 3 == 0;
      if (r < 80) {
        x.put(0, 0.5 + r);
      }
      if (r % 4 == 1) {
        x.put(1, 2.0);
      }
      x.endRow();
    }
    EncodedData data = new EncodedData(List.of("a", "b", "never"), x, y);
    assertSameDomains(data);
    assertTrue(TribuoData.domains(data, "rows").features().get("a") instanceof RealInfo);
  }

  @Test
  void matchesTheDatasetOfDenseRows() {
    SparseRows x = new SparseRows(2);
    boolean[] y = {true, false, true};
    for (int r = 0; r < y.length; r++) {
      x.put(0, r + 1.0);
      x.put(1, 1.0);
      x.endRow();
    }
    EncodedData data = new EncodedData(List.of("a", "b"), x, y);
    assertSameDomains(data);
    assertTrue(TribuoData.domains(data, "rows").provenance().isDense());
  }

  @Test
  void refusesANaNAsTheDatasetDoes() {
    SparseRows x = new SparseRows(1);
    x.put(0, Double.NaN);
    x.endRow();
    EncodedData data = new EncodedData(List.of("a"), x, new boolean[] {true});
    assertThrows(IllegalArgumentException.class, () -> TribuoData.dataset(data, "rows"));
    assertThrows(IllegalArgumentException.class, () -> TribuoData.domains(data, "rows"));
  }
}
