package dev.precis.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.precis.cli.CliRun;
import dev.precis.config.ConfigLoader;
import dev.precis.config.ConfigOverride;
import dev.precis.config.DataConfig;
import dev.precis.config.PrecisConfig;
import dev.precis.model.ModelCatalog;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Specifies that a raw file and the directory `prep` wrote from it are the same rows to every
 * command: the same split into train, valid and test, and search folds over the same rows.
 */
class DataSourceTest {
  private static final String BANK = "sample-data/bank/bank-additional.csv";
  private static final PipelineNeeds NEEDS = PipelineNeeds.SCALED;

  @TempDir static Path dir;
  private static Path prepDir;
  private static DataSource raw;
  private static DataSource prepared;

  @BeforeAll
  static void open() {
    prepDir = dir.resolve("prepared");
    CliRun run =
        CliRun.precis(
            "prep",
            "--config",
            "sample-data/bank/bank.yaml",
            "--data",
            BANK,
            "--out",
            prepDir.toString(),
            "--quiet");
    assertEquals(0, run.exitCode(), run.transcript());
    raw = DataSource.open(config(BANK), NEEDS);
    prepared = DataSource.open(config(prepDir.toString()), NEEDS);
  }

  private static PrecisConfig config(String data) {
    return new ConfigLoader(ModelCatalog::complete)
        .load(
            Path.of("sample-data/bank/bank.yaml"),
            List.of(ConfigOverride.fromOption("--data", "data.path", data)));
  }

  @Test
  void aRawFileIsPreparedInMemoryAndAPrepDirectoryIsReadAsWritten() {
    assertInstanceOf(RawSource.class, raw);
    assertInstanceOf(PreparedSource.class, prepared);
  }

  @Test
  void bothSplitTheSameRowsWithTheSameLabels() {
    PreparedData a = raw.split();
    PreparedData b = prepared.split();
    assertArrayEquals(a.train().y(), b.train().y());
    assertArrayEquals(a.valid().y(), b.valid().y());
    assertArrayEquals(a.test().y(), b.test().y());
    assertEquals(a.pipeline().featureNames(), b.pipeline().featureNames());
  }

  @Test
  void bothSearchEveryLabelledRowButTheTestPart() {
    PreparedData split = raw.split();
    int searchable = split.train().rows() + split.valid().rows();
    for (DataSource source : List.of(raw, prepared)) {
      List<DataSource.Fold> folds = source.searchFolds(3, 42);
      assertEquals(3, folds.size());
      assertEquals(searchable, folds.get(0).rows());
      assertEquals(searchable, folds.stream().mapToInt(f -> f.valid().rows()).sum());
    }
  }

  @Test
  void theInputIsNamedWithTheDigestOfTheBytesRead() {
    assertEquals(dev.precis.io.InputFile.sha256(Path.of(BANK)), raw.input().sha256());
  }

  @Test
  void aStreamedFileIsAnEncodedPartOnlyWhenItsPreparedJsonListsIt() throws Exception {
    FeaturePipeline pipeline = prepared.split().pipeline();
    Path part = prepDir.resolve("test.csv");
    Path copy = java.nio.file.Files.copy(part, dir.resolve("test-copy.csv"));
    DataConfig data = config(BANK).data();
    try (StreamedFile listed = DataSource.stream(part, data, pipeline);
        StreamedFile unlisted = DataSource.stream(copy, data, pipeline);
        StreamedFile rawFile = DataSource.stream(Path.of(BANK), data, pipeline)) {
      assertEquals(true, listed.isPreparedPart());
      assertEquals(false, unlisted.isPreparedPart());
      assertEquals(false, rawFile.isPreparedPart());
    }
  }

  @Test
  void aStreamedFileIsNamedByTheDigestOfTheBytesRead() {
    FeaturePipeline pipeline = raw.split().pipeline();
    try (StreamedFile file = DataSource.stream(Path.of(BANK), config(BANK).data(), pipeline)) {
      while (file.head().blocks().next() != null) {
        // read every block, as eval and predict do
      }
      assertEquals(dev.precis.io.InputFile.sha256(Path.of(BANK)), file.sha256());
    }
  }
}
