package dev.precis.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precis.PrecisException;
import dev.precis.config.ColumnType;
import dev.precis.config.ConfigLoader;
import dev.precis.config.ConfigOverride;
import dev.precis.config.PrecisConfig;
import dev.precis.model.ModelCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training rows are encoded in runs on engine.threads (for the sentence encoder's sake): the rows
 * and their order do not depend on the thread count, and a bad value is reported at the first bad
 * row, as one thread would.
 */
class EncodedDataThreadsTest {
  @TempDir Path dir;

  @Test
  void theRowsAreTheSameOnAnyThreadCount() {
    PrecisConfig config =
        new ConfigLoader(ModelCatalog::complete)
            .load(
                null,
                List.of(
                    ConfigOverride.parseSet("data.path=sample-data/bank/bank-additional.csv"),
                    ConfigOverride.parseSet("data.target=y")));
    Preparation.Source source = Preparation.Source.read(config, PipelineNeeds.SCALED);
    FeaturePipeline pipeline = source.fit(source.splits().train());
    int[] rows = source.splits().train();
    EncodedData one = EncodedData.encode(source.table(), pipeline, source.target(), rows, 1);
    EncodedData three = EncodedData.encode(source.table(), pipeline, source.target(), rows, 3);
    assertTrue(rows.length > 3 * 256, "enough rows for several runs");
    assertEquals(one.rows(), three.rows());
    assertArrayEquals(one.y(), three.y());
    double[] a = new double[one.x().width()];
    double[] b = new double[three.x().width()];
    for (int r = 0; r < one.rows(); r++) {
      one.x().dense(r, a);
      three.x().dense(r, b);
      assertArrayEquals(a, b, "row " + r);
    }
  }

  @Test
  void aBadValueIsReportedAtTheFirstBadRow() throws IOException {
    StringBuilder csv = new StringBuilder("x,y\n");
    for (int i = 0; i < 3000; i++) {
      csv.append(i == 2500 || i == 1200 ? "abc" : Integer.toString(i))
          .append(i % 2 == 0 ? ",a\n" : ",b\n");
    }
    Path file = Files.writeString(dir.resolve("bad.csv"), csv);
    PrecisConfig config =
        new ConfigLoader(ModelCatalog::complete)
            .load(null, List.of(ConfigOverride.parseSet("data.path=" + file)));
    CsvTable table = CsvTable.read(file, config.data());
    MissingValues missing = new MissingValues(List.of());
    Target target = Target.read(table, "y", "a", missing);
    FeaturePipeline pipeline =
        PipelineFitter.fit(
            table,
            List.of(new ColumnSpec("x", ColumnType.NUMERIC)),
            IntStream.range(0, 1000).toArray(),
            config.prep(),
            PipelineNeeds.SCALED,
            "y",
            "a",
            null,
            42,
            PersonalData.NONE);
    int[] all = IntStream.range(0, 3000).toArray();
    PrecisException e =
        assertThrows(
            PrecisException.class, () -> EncodedData.encode(table, pipeline, target, all, 4));
    assertTrue(e.getMessage().contains("bad.csv:1202: column 'x'"), e.getMessage());
  }
}
