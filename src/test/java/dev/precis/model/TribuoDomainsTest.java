package dev.precis.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precis.data.EncodedData;
import dev.precis.data.SparseRows;
import java.util.Arrays;
import java.util.List;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.MutableDataset;
import org.tribuo.RealInfo;
import org.tribuo.VariableInfo;
import org.tribuo.classification.Label;
import org.tribuo.protos.ProtoUtil;

/**
 * Specifies {@link TribuoData#domains}: the features and their ids, output info and provenance are
 * those of the rows as a Tribuo dataset, on tabular rows, text rows, and rows that hold no feature
 * or leave a feature unheld; each feature's statistics are the real summary of its nonzero values;
 * and {@link TribuoData#featureIds} foretells the ids, sorted names or not.
 */
class TribuoDomainsTest {

  private static void assertSameDomains(EncodedData data) {
    MutableDataset<Label> dataset = TribuoData.dataset(data, "rows");
    TribuoData.Domains domains = TribuoData.domains(data, TribuoData.outputs(data.y()), "rows");
    ImmutableFeatureMap expected = dataset.getFeatureIDMap();
    ImmutableFeatureMap actual = domains.features();
    assertEquals(expected.size(), actual.size());
    // the ids the fit numbers the features by before the map is made
    int[] ids = TribuoData.featureIds(data.featureNames());
    for (int f = 0; f < ids.length; f++) {
      assertEquals(expected.getID(data.featureNames().get(f)), ids[f], data.featureNames().get(f));
    }
    for (VariableInfo info : expected) {
      String name = info.getName();
      assertEquals(expected.getID(name), actual.getID(name), name);
      assertEquals(info.getCount(), actual.get(name).getCount(), name);
      double[] values = nonzeroValues(data, data.featureNames().indexOf(name));
      if (values.length == 0) {
        assertEquals(info, actual.get(name), name);
      } else {
        assertSummarises(values, actual.get(name));
      }
    }
    ImmutableOutputInfo<Label> outputs = dataset.getOutputIDInfo();
    assertEquals(outputs.toReadableString(), domains.outputs().toReadableString());
    for (Label label : outputs.getDomain()) {
      assertEquals(outputs.getID(label), domains.outputs().getID(label), label.getLabel());
    }
    assertEquals(dataset.getProvenance(), domains.provenance());
    // a model saves the feature map, and must load it again
    assertEquals(actual, ProtoUtil.deserialize(actual.serialize()));
  }

  /**
   * Count, min and max exactly; mean and sum of squared deviations as a two-pass sum gives them.
   */
  private static void assertSummarises(double[] values, VariableInfo info) {
    RealInfo real = assertInstanceOf(RealInfo.class, info);
    assertEquals(values.length, real.getCount(), info.getName());
    double mean = Arrays.stream(values).sum() / values.length;
    double squares = Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum();
    assertEquals(Arrays.stream(values).min().getAsDouble(), real.getMin(), info.getName());
    assertEquals(Arrays.stream(values).max().getAsDouble(), real.getMax(), info.getName());
    assertEquals(mean, real.getMean(), 1e-12 * (1 + Math.abs(mean)), info.getName());
    if (values.length > 1) {
      double variance = squares / (values.length - 1);
      assertEquals(variance, real.getVariance(), 1e-10 * (1 + variance), info.getName());
    }
  }

  private static double[] nonzeroValues(EncodedData data, int feature) {
    SparseRows x = data.x();
    DoubleStream.Builder values = DoubleStream.builder();
    for (int k = 0; x.rows() > 0 && k < x.end(x.rows() - 1); k++) {
      if (x.feature(k) == feature && x.value(k) != 0) {
        values.add(x.value(k));
      }
    }
    return values.build().toArray();
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
    assertTrue(
        TribuoData.domains(data, TribuoData.outputs(data.y()), "rows").features().get("a")
            instanceof RealInfo);
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
    assertTrue(
        TribuoData.domains(data, TribuoData.outputs(data.y()), "rows").provenance().isDense());
  }

  @Test
  void refusesANaNAsTheDatasetDoes() {
    SparseRows x = new SparseRows(1);
    x.put(0, Double.NaN);
    x.endRow();
    EncodedData data = new EncodedData(List.of("a"), x, new boolean[] {true});
    assertThrows(IllegalArgumentException.class, () -> TribuoData.dataset(data, "rows"));
    assertThrows(
        IllegalArgumentException.class,
        () -> TribuoData.domains(data, TribuoData.outputs(data.y()), "rows"));
  }
}
