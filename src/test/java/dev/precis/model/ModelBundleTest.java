package dev.precis.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precis.PrecisException;
import dev.precis.config.ConfigLoader;
import dev.precis.config.ConfigOverride;
import dev.precis.config.PrecisConfig;
import dev.precis.data.CsvTable;
import dev.precis.data.FeaturePipeline;
import dev.precis.data.RowEncoder;
import dev.precis.data.SparseRows;
import dev.precis.train.ModelTraining;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;

/**
 * Specifies that a trained bundle survives being written and read back, and that its fast scorer is
 * exact.
 */
class ModelBundleTest {
  static final Path BANK = Path.of("sample-data/bank/bank-additional.csv");
  private static final double EXACT = 1e-9;

  @TempDir static Path dir;

  private static ModelBundle logistic;
  private static ModelBundle mlp;
  private static CsvTable table;

  /** The bank config of these tests, with more --set overrides. */
  static PrecisConfig bankConfig(String... sets) {
    List<ConfigOverride> overrides =
        new ArrayList<>(
            List.of(
                ConfigOverride.parseSet("data.path=" + BANK),
                ConfigOverride.parseSet("data.target=y"),
                ConfigOverride.parseSet("data.drop=[duration]")));
    Arrays.stream(sets).map(ConfigOverride::parseSet).forEach(overrides::add);
    return new ConfigLoader(ModelCatalog::complete).load(null, overrides);
  }

  @BeforeAll
  static void train() {
    logistic = ModelTraining.train(bankConfig(), dir.resolve("logistic.precis")).bundle();
    mlp =
        ModelTraining.train(
                bankConfig("model.type=mlp", "model.params.hidden=[16]", "model.params.epochs=3"),
                dir.resolve("mlp.precis"))
            .bundle();
    table = CsvTable.read(BANK, logistic.config().data());
  }

  /** Every row of the bank file, encoded with the bundle's pipeline. */
  private static SparseRows encodedRows(FeaturePipeline pipeline) {
    RowEncoder encoder = pipeline.encoder(table.file(), table.columns());
    SparseRows x = new SparseRows(encoder.featureCount());
    for (int r = 0; r < table.rowCount(); r++) {
      String[] row = table.row(r);
      encoder.encode(row, x);
    }
    return x;
  }

  /** Row r of x with its zeros, as Tribuo's own example of it. */
  private static ArrayExample<Label> example(SparseRows x, int r, String[] names) {
    double[] values = new double[x.width()];
    x.dense(r, values);
    return new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, names, values);
  }

  private static Path write(ModelBundle bundle, String name) throws IOException {
    Path file = dir.resolve(name);
    try (OutputStream out = Files.newOutputStream(file)) {
      bundle.write(out);
    }
    return file;
  }

  private static Model<Label> tribuoModel(ModelBundle bundle) {
    return ((TribuoModelArtifact) bundle.models().get(0)).model();
  }

  private static void assertScoresAgree(double[] expected, double[] actual) {
    assertEquals(expected.length, actual.length);
    for (int r = 0; r < expected.length; r++) {
      assertEquals(expected[r], actual[r], EXACT, "row " + r);
    }
  }

  private static void assertRoundTrips(ModelBundle bundle, String name) throws IOException {
    ModelBundle back = ModelBundle.read(write(bundle, name));
    assertEquals(bundle.manifest(), back.manifest());
    assertEquals(bundle.config(), back.config());
    assertEquals(bundle.pipeline(), back.pipeline());
    assertEquals(bundle.bins(), back.bins());
    SparseRows x = encodedRows(bundle.pipeline());
    assertScoresAgree(bundle.scorer().score(x), back.scorer().score(encodedRows(back.pipeline())));
  }

  @Test
  void logisticBundleRoundTrips() throws IOException {
    assertRoundTrips(logistic, "logistic.precis");
  }

  @Test
  void mlpBundleRoundTrips() throws IOException {
    assertRoundTrips(mlp, "mlp.precis");
  }

  @Test
  void bundleRecordsWhatItWasTrainedWith() {
    Manifest manifest = logistic.manifest();
    assertEquals(Manifest.SCHEMA, manifest.schema());
    assertEquals("logistic", manifest.modelType());
    assertEquals(logistic.pipeline().featureNames().size(), manifest.features());
    assertEquals(logistic.config().seed(), manifest.seed());
    assertEquals("yes", logistic.pipeline().positive());
    assertEquals("yes", logistic.config().data().positive());
    assertTrue(
        logistic.pipeline().inputColumns().stream()
            .noneMatch(c -> c.equals("duration") || c.equals("y")));
  }

  @Test
  void scoresAreProbabilities() {
    for (ModelBundle bundle : List.of(logistic, mlp)) {
      for (double s : bundle.scorer().score(encodedRows(bundle.pipeline()))) {
        assertTrue(s >= 0 && s <= 1, String.valueOf(s));
      }
    }
  }

  @Test
  void linearAndMlpModelsScoreWithoutTribuo() {
    assertInstanceOf(LinearScorer.class, logistic.scorer());
    assertFalse(mlp.scorer() instanceof TribuoScorer, "the mlp scores in plain Java");
  }

  @Test
  void linearScorerAgreesWithTribuosPrediction() {
    Model<Label> model = tribuoModel(logistic);
    String[] names = logistic.pipeline().featureNames().toArray(new String[0]);
    SparseRows x = encodedRows(logistic.pipeline());
    double[] fast = logistic.scorer().score(x);
    for (int r = 0; r < x.rows(); r++) {
      ArrayExample<Label> example = example(x, r, names);
      double tribuo = model.predict(example).getOutputScores().get(Labels.POSITIVE_NAME).getScore();
      assertEquals(tribuo, fast[r], EXACT, "row " + r);
    }
  }

  @Test
  void readBackLinearScorerAgreesWithTribuosPrediction() throws IOException {
    ModelBundle back = ModelBundle.read(write(logistic, "again.precis"));
    String[] names = back.pipeline().featureNames().toArray(new String[0]);
    SparseRows x = encodedRows(back.pipeline());
    double[] fast = back.scorer().score(x);
    for (int r = 0; r < x.rows(); r += 7) {
      ArrayExample<Label> example = example(x, r, names);
      assertEquals(
          tribuoModel(back).predict(example).getOutputScores().get(Labels.POSITIVE_NAME).getScore(),
          fast[r],
          EXACT);
    }
  }

  @Test
  void scoringInPartsGivesTheSameScores() {
    SparseRows x = encodedRows(logistic.pipeline());
    double[] all = logistic.scorer().score(x);
    double[] part = new double[x.rows()];
    logistic.scorer().score(x, 10, part);
    assertArrayEquals(Arrays.copyOf(all, 10), Arrays.copyOf(part, 10));
  }

  @Test
  void trainingTwiceWithTheSameSeedGivesTheSameScores() {
    ModelBundle again = ModelTraining.train(bankConfig(), dir.resolve("again.precis")).bundle();
    SparseRows x = encodedRows(logistic.pipeline());
    assertArrayEquals(logistic.scorer().score(x), again.scorer().score(x));
  }

  @Test
  void fileThatIsNotAZipIsNotABundle() throws IOException {
    Path file = dir.resolve("notes.precis");
    Files.writeString(file, "this is not a zip file\n", StandardCharsets.UTF_8);
    PrecisException e = assertThrows(PrecisException.class, () -> ModelBundle.read(file));
    assertEquals(PrecisException.DATA, e.exitCode());
    assertTrue(e.getMessage().contains("not a Precis model bundle"), e.getMessage());
  }

  @Test
  void csvFileIsNotABundle() {
    PrecisException e = assertThrows(PrecisException.class, () -> ModelBundle.read(BANK));
    assertEquals(PrecisException.DATA, e.exitCode());
    assertTrue(e.getMessage().contains("not a Precis model bundle"), e.getMessage());
  }

  @Test
  void zipWithoutTheModelIsNotABundle() throws IOException {
    Path full = write(logistic, "full.precis");
    Path partial = dir.resolve("partial.precis");
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(full));
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(partial))) {
      ZipEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        if (!entry.getName().equals("model.tribuo")) {
          out.putNextEntry(new ZipEntry(entry.getName()));
          out.write(in.readAllBytes());
          out.closeEntry();
        }
      }
    }
    PrecisException e = assertThrows(PrecisException.class, () -> ModelBundle.read(partial));
    assertEquals(PrecisException.DATA, e.exitCode());
    assertTrue(e.getMessage().contains("not a Precis model bundle"), e.getMessage());
    assertTrue(e.getMessage().contains("model.tribuo"), e.getMessage());
  }

  @Test
  void missingBundleFileIsADataError() {
    PrecisException e =
        assertThrows(PrecisException.class, () -> ModelBundle.read(dir.resolve("nope.precis")));
    assertEquals(PrecisException.DATA, e.exitCode());
    assertTrue(e.getMessage().contains("no such model bundle"), e.getMessage());
  }
}
