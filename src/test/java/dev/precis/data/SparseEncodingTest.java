package dev.precis.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Specifies that features leave the pipeline sparse (no zero is stored) and hold exactly what the
 * dense encoding of Precis 0.1 held.
 */
class SparseEncodingTest {
  private static CsvTable table;
  private static FeaturePipeline pipeline;
  private static SparseRows rows;

  @BeforeAll
  static void encodeBank() {
    var config =
        CsvTableTest.bankConfig(
            "data.target=y",
            "data.drop=[duration]",
            "prep.missing.tokens=[unknown]",
            "prep.encode.max_levels=5");
    Preparation.Source source = Preparation.Source.read(config, PipelineNeeds.SCALED);
    table = source.table();
    pipeline = source.fit(source.splits().train());
    RowEncoder encoder = pipeline.encoder(table.file(), table.columns());
    rows = new SparseRows(encoder.featureCount());
    for (int r = 0; r < table.rowCount(); r++) {
      encoder.encode(table.row(r), rows);
    }
  }

  /** A row as the dense encoder of Precis 0.1 wrote it, from the steps' parameters. */
  private static double[] denseAsBefore(String[] fields) {
    MissingValues missing = new MissingValues(pipeline.missingTokens());
    List<String> names = pipeline.featureNames();
    double[] out = new double[names.size()];
    for (ColumnStep step : pipeline.steps()) {
      String raw = fields[table.columns().indexOf(step.inputColumns().get(0))];
      if (step instanceof NumericStep n) {
        boolean absent = missing.isMissing(raw);
        double value = absent ? n.fill() : Double.parseDouble(raw.strip());
        out[names.indexOf(n.name())] = (value - n.center()) / n.scale();
        if (n.indicator()) {
          out[names.indexOf(n.name() + ":missing")] = absent ? 1.0 : 0.0;
        }
      } else if (step instanceof CategoricalStep c) {
        String level =
            missing.isMissing(raw)
                ? FeaturePipeline.MISSING_LEVEL
                : c.levels().contains(raw.strip()) ? raw.strip() : FeaturePipeline.OTHER_LEVEL;
        int f = names.indexOf(c.name() + "=" + level);
        if (f >= 0) {
          out[f] = 1.0;
        }
      }
    }
    return out;
  }

  @Test
  void sparseRowsHoldTheValuesOfTheDenseEncoding() {
    assertEquals(table.rowCount(), rows.rows());
    double[] actual = new double[rows.width()];
    for (int r = 0; r < rows.rows(); r++) {
      rows.dense(r, actual);
      assertArrayEquals(denseAsBefore(table.row(r)), actual, 1e-12, "row " + r);
    }
  }

  @Test
  void noZeroIsStored() {
    long nonzero = 0;
    for (int r = 0; r < table.rowCount(); r++) {
      String[] row = table.row(r);
      for (double v : denseAsBefore(row)) {
        nonzero += v != 0.0 ? 1 : 0;
      }
    }
    int entries = rows.end(rows.rows() - 1);
    assertEquals(nonzero, entries);
    for (int k = 0; k < entries; k++) {
      assertNotEquals(0.0, rows.value(k));
    }
    assertTrue(entries < (long) rows.rows() * rows.width() / 2, entries + " entries");
  }

  @Test
  void rowThatCannotBeEncodedLeavesTheRowsAsTheyWere() {
    RowEncoder encoder = pipeline.encoder(table.file(), table.columns());
    SparseRows some = new SparseRows(encoder.featureCount());
    encoder.encode(table.row(0), some);
    String[] bad = table.row(1).clone();
    bad[table.columns().indexOf("nr.employed")] = "many";
    assertThrows(RowEncoder.BadValue.class, () -> encoder.encode(bad, some));
    encoder.encode(table.row(2), some);
    assertEquals(2, some.rows());
    assertEquals(rows.end(0) + rows.end(2) - rows.start(2), some.end(1));
    double[] expected = new double[rows.width()];
    double[] actual = new double[rows.width()];
    rows.dense(2, expected);
    some.dense(1, actual);
    assertArrayEquals(expected, actual);
  }

  @Test
  void subsetAndConcatKeepEachRowsFeatures() {
    SparseRows picked = rows.subset(new int[] {5, 0, 5});
    SparseRows joined = picked.concat(rows.subset(new int[] {7}));
    int[] from = {5, 0, 5, 7};
    double[] expected = new double[rows.width()];
    double[] actual = new double[rows.width()];
    assertEquals(from.length, joined.rows());
    for (int i = 0; i < from.length; i++) {
      rows.dense(from[i], expected);
      joined.dense(i, actual);
      assertArrayEquals(expected, actual, "row " + i);
    }
  }

  @Test
  void featuresOfARowComeInAscendingOrder() {
    SparseRows some = new SparseRows(4);
    some.put(2, 1.0);
    assertThrows(IllegalArgumentException.class, () -> some.put(1, 1.0));
    assertThrows(IllegalArgumentException.class, () -> some.put(4, 1.0));
  }
}
