package dev.precis.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precis.PrecisException;
import dev.precis.config.ConfigLoader;
import dev.precis.config.ConfigOverride;
import dev.precis.config.Mappers;
import dev.precis.config.PrecisConfig;
import dev.precis.model.ModelCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Specifies how categorical columns are encoded: one-hot with rare levels grouped by count or
 * share, hashing, and out-of-fold target encoding, on the Hillstrom e-mail and bank files and on a
 * made-up column of unique ids.
 */
class CategoricalEncodingTest {
  private static final String HILLSTROM = "src/test/resources/hillstrom/hillstrom-3000.csv";

  @TempDir Path dir;

  private static PrecisConfig config(String data, String target, String... sets) {
    List<ConfigOverride> overrides = new ArrayList<>();
    overrides.add(ConfigOverride.parseSet("data.path=" + data));
    overrides.add(ConfigOverride.parseSet("data.target=" + target));
    Arrays.stream(sets).map(ConfigOverride::parseSet).forEach(overrides::add);
    return new ConfigLoader(ModelCatalog::complete).load(null, overrides);
  }

  private static PrecisConfig bank(String... sets) {
    List<String> all =
        new ArrayList<>(List.of("data.drop=[duration]", "prep.missing.tokens=[unknown]"));
    all.addAll(List.of(sets));
    return config(CsvTableTest.BANK.toString(), "y", all.toArray(String[]::new));
  }

  private static <T extends ColumnStep> T step(
      FeaturePipeline pipeline, Class<T> type, String name) {
    return pipeline.steps().stream()
        .filter(type::isInstance)
        .map(type::cast)
        .filter(s -> s.inputColumns().equals(List.of(name)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " for " + name));
  }

  private static double[] dense(RowEncoder encoder, String[] row) {
    SparseRows sparse = new SparseRows(encoder.featureCount());
    encoder.encode(row, sparse);
    double[] out = new double[encoder.featureCount()];
    sparse.dense(0, out);
    return out;
  }

  @Test
  void hillstromHistorySegmentLevelsAreOneHotEncodedAsWritten() {
    Preparation.Source source =
        Preparation.Source.read(
            config(HILLSTROM, "visit", "data.drop=[conversion, spend]"), PipelineNeeds.SCALED);
    FeaturePipeline pipeline = source.fit(source.splits().train());
    CategoricalStep segment = step(pipeline, CategoricalStep.class, "history_segment");
    assertEquals(
        List.of(
            "1) $0 - $100",
            "2) $100 - $200",
            "3) $200 - $350",
            "4) $350 - $500",
            "5) $500 - $750",
            "6) $750 - $1,000",
            "7) $1,000 +"),
        segment.levels());
    CsvTable table = source.table();
    RowEncoder encoder = pipeline.encoder(table.file(), table.columns());
    int column = table.columns().indexOf("history_segment");
    List<String> names = pipeline.featureNames();
    for (int r = 0; r < 200; r++) {
      String[] row = table.row(r);
      double[] out = dense(encoder, row);
      for (String level : segment.levels()) {
        assertEquals(
            level.equals(row[column]) ? 1.0 : 0.0,
            out[names.indexOf("history_segment=" + level)],
            "row " + r + " " + level);
      }
    }
    assertEquals(Map.of(), encoder.unseenByColumn());
  }

  /** Training rows per job level, counted here apart from the step. */
  private static Map<String, Long> jobCounts(Preparation.Source source) {
    CsvTable table = source.table();
    int c = table.columns().indexOf("job");
    Map<String, Long> counts = new HashMap<>();
    for (int r : Preparation.rowsOf(source.target(), source.splits().train())) {
      String job = table.row(r)[c].strip();
      if (!job.equals("unknown")) {
        counts.merge(job, 1L, Long::sum);
      }
    }
    return counts;
  }

  @Test
  void rareBankLevelsGoToOtherByMinCount() {
    Preparation.Source source =
        Preparation.Source.read(bank("prep.encode.min_count=100"), PipelineNeeds.SCALED);
    CategoricalStep job = step(source.fit(source.splits().train()), CategoricalStep.class, "job");
    Map<String, Long> counts = jobCounts(source);
    List<String> kept =
        counts.keySet().stream().filter(l -> counts.get(l) >= 100).sorted().toList();
    assertTrue(kept.size() >= 4 && kept.size() < counts.size(), counts.toString());
    List<String> expected = new ArrayList<>(kept);
    expected.add(FeaturePipeline.OTHER_LEVEL);
    expected.add(FeaturePipeline.MISSING_LEVEL);
    assertEquals(expected, job.levels());
    assertEquals(counts.size() - kept.size(), job.other().size());
  }

  @Test
  void rareBankLevelsGoToOtherByMinShare() {
    Preparation.Source source =
        Preparation.Source.read(bank("prep.encode.min_share=0.05"), PipelineNeeds.SCALED);
    CategoricalStep job = step(source.fit(source.splits().train()), CategoricalStep.class, "job");
    Map<String, Long> counts = jobCounts(source);
    double minimum = 0.05 * source.splits().train().length;
    for (String level : counts.keySet()) {
      assertEquals(counts.get(level) >= minimum, job.levels().contains(level), level);
    }
    assertTrue(job.levels().contains(FeaturePipeline.OTHER_LEVEL));
  }

  @Test
  void defaultsKeepEveryBankLevelAsBefore() {
    Preparation.Source source = Preparation.Source.read(bank(), PipelineNeeds.SCALED);
    CategoricalStep job = step(source.fit(source.splits().train()), CategoricalStep.class, "job");
    List<String> expected = new ArrayList<>(jobCounts(source).keySet().stream().sorted().toList());
    expected.add(FeaturePipeline.MISSING_LEVEL);
    assertEquals(expected, job.levels());
    assertNull(job.other(), "none folded, none listed, as before levels were listed");
  }

  @Test
  void columnsAboveTheThresholdAreHashedAndOthersStayOneHot() throws IOException {
    Preparation.Source source =
        Preparation.Source.read(
            bank(
                "prep.encode.high_cardinality.above=10",
                "prep.encode.high_cardinality.method=hashing",
                "prep.encode.high_cardinality.buckets=8"),
            PipelineNeeds.SCALED);
    FeaturePipeline pipeline = source.fit(source.splits().train());
    HashingStep job = step(pipeline, HashingStep.class, "job");
    assertEquals(8, job.featureNames().size());
    step(pipeline, CategoricalStep.class, "marital");
    CsvTable table = source.table();
    RowEncoder encoder = pipeline.encoder(table.file(), table.columns());
    int first = pipeline.featureNames().indexOf("job#0");
    int c = table.columns().indexOf("job");
    for (int r = 0; r < 100; r++) {
      double[] out = dense(encoder, table.row(r));
      double[] buckets = Arrays.copyOfRange(out, first, first + 8);
      assertEquals(1.0, Arrays.stream(buckets).sum(), "one bucket per row");
      assertEquals(1.0, buckets[job.bucket(table.row(r)[c].strip())]);
    }
    FeaturePipeline read =
        Mappers.json()
            .readValue(Mappers.json().writeValueAsString(pipeline), FeaturePipeline.class);
    assertEquals(pipeline, read);
  }

  /** A file of unique ids and a label that nothing predicts. */
  private Path uniqueIds(int rows, long seed) throws IOException {
    Random random = new Random(seed);
    StringBuilder csv = new StringBuilder("uid,noise,y\n");
    for (int i = 0; i < rows; i++) {
      csv.append("C").append(100000 + i).append(',').append(random.nextInt(3)).append(',');
      csv.append(random.nextDouble() < 0.3 ? "yes" : "no").append('\n');
    }
    return Files.writeString(dir.resolve("ids.csv"), csv);
  }

  private static double auc(double[] scores, boolean[] labels) {
    double sum = 0;
    long pairs = 0;
    for (int i = 0; i < scores.length; i++) {
      for (int j = 0; j < scores.length; j++) {
        if (labels[i] && !labels[j]) {
          sum += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
          pairs++;
        }
      }
    }
    return sum / pairs;
  }

  @Test
  void targetEncodingOfUniqueIdsIsOutOfFoldWhereInFoldWouldBeTheLabel() throws IOException {
    Path file = uniqueIds(600, 7);
    Preparation.Source source =
        Preparation.Source.read(
            config(
                file.toString(),
                "y",
                "data.positive=yes",
                // unique on every row, the column would be inferred an identifier and left out
                "data.types={uid: categorical}",
                "prep.encode.columns={uid: target}",
                "prep.encode.high_cardinality.smoothing=0"),
            PipelineNeeds.SCALED);
    int[] train = source.splits().train();
    FeaturePipeline pipeline = source.fit(train);
    TargetStep uid = step(pipeline, TargetStep.class, "uid");
    int f = pipeline.featureNames().indexOf("uid:response_rate");
    EncodedData outOfFold = EncodedData.encode(source.table(), pipeline, source.target(), train, 1);
    // the same rows through the saved rates, as any later file is encoded: each id's own label
    RowEncoder later = pipeline.encoder(source.table().file(), source.table().columns());
    double[] oof = new double[train.length];
    double[] inFold = new double[train.length];
    int[] rows = Preparation.rowsOf(source.target(), train);
    for (int i = 0; i < train.length; i++) {
      double[] one = new double[pipeline.featureNames().size()];
      outOfFold.x().dense(i, one);
      oof[i] = one[f];
      inFold[i] = dense(later, source.table().row(rows[i]))[f];
      assertEquals(outOfFold.y()[i] ? 1.0 : 0.0, inFold[i], "in fold, a unique id is its label");
      // no other row holds the id: out of fold it is the other folds' response rate
      assertTrue(Math.abs(oof[i] - uid.prior()) < 0.05, oof[i] + " vs prior " + uid.prior());
    }
    assertEquals(1.0, auc(inFold, outOfFold.y()), 1e-12);
    assertTrue(auc(oof, outOfFold.y()) < 0.6, "out of fold the ids tell nothing");
  }

  @Test
  void targetEncodingIsDeterministicBySeedAndSavesOnlyTheFullRates() throws IOException {
    Path file = dir.resolve("levels.csv");
    Random random = new Random(3);
    StringBuilder csv = new StringBuilder("zip,y\n");
    for (int i = 0; i < 800; i++) {
      int zip = random.nextInt(60);
      csv.append("Z").append(zip).append(',');
      csv.append(random.nextDouble() < 0.1 + zip / 100.0 ? "1" : "0").append('\n');
    }
    Files.writeString(file, csv);
    String[] sets = {
      "data.positive=1",
      "prep.encode.high_cardinality.method=target",
      "prep.encode.high_cardinality.above=20"
    };
    double[] first = outOfFold(config(file.toString(), "y", sets));
    double[] again = outOfFold(config(file.toString(), "y", sets));
    List<String> reseeded = new ArrayList<>(List.of(sets));
    reseeded.add("seed=7");
    double[] other = outOfFold(config(file.toString(), "y", reseeded.toArray(String[]::new)));
    assertArrayEquals(first, again);
    assertNotEquals(Arrays.toString(first), Arrays.toString(other));

    Preparation.Source source =
        Preparation.Source.read(config(file.toString(), "y", sets), PipelineNeeds.SCALED);
    FeaturePipeline pipeline = source.fit(source.splits().train());
    String json = Mappers.json().writeValueAsString(pipeline);
    TargetStep read =
        step(Mappers.json().readValue(json, FeaturePipeline.class), TargetStep.class, "zip");
    assertNull(read.outOfFold());
    TargetStep fitted = step(pipeline, TargetStep.class, "zip");
    assertEquals(fitted.rates(), read.rates());
    assertEquals(fitted.prior(), read.prior());
    StepEncoder later = read.encoder(new int[] {0}, 0, new MissingValues(List.of()));
    SparseRows out = new SparseRows(1);
    later.encode(new String[] {"Z999"}, out);
    out.endRow();
    later.encode(new String[] {"Z5"}, out);
    out.endRow();
    double[] value = new double[1];
    out.dense(0, value);
    assertEquals(read.prior(), value[0], 1e-12, "a level training never had gets the prior");
    out.dense(1, value);
    assertEquals(read.rates().get("Z5"), value[0], 1e-12);
    assertEquals(1, later.unseenLevels());
  }

  private static double[] outOfFold(PrecisConfig config) {
    Preparation.Source source = Preparation.Source.read(config, PipelineNeeds.SCALED);
    int[] train = source.splits().train();
    FeaturePipeline pipeline = source.fit(train);
    assertInstanceOf(TargetStep.class, pipeline.steps().get(0));
    EncodedData data = EncodedData.encode(source.table(), pipeline, source.target(), train, 2);
    double[] values = new double[train.length];
    double[] row = new double[1];
    for (int i = 0; i < train.length; i++) {
      data.x().dense(i, row);
      values[i] = row[0];
    }
    return values;
  }

  @Test
  void aPerColumnMethodForNoCategoricalColumnIsRefused() {
    Preparation.Source source =
        Preparation.Source.read(bank("prep.encode.columns={jobs: target}"), PipelineNeeds.SCALED);
    PrecisException e =
        assertThrows(PrecisException.class, () -> source.fit(source.splits().train()));
    assertEquals(2, e.exitCode());
    assertTrue(
        e.getMessage().startsWith("prep.encode.columns.jobs: names no categorical feature column")
            && e.getMessage().contains("job, marital"),
        e.getMessage());
  }

  @Test
  void encodeSettingsAreCheckedByKey() {
    for (String[] bad :
        new String[][] {
          {"prep.encode.min_share=1.5", "prep.encode.min_share"},
          {"prep.encode.min_count=0", "prep.encode.min_count"},
          {"prep.encode.high_cardinality.folds=1", "prep.encode.high_cardinality.folds"},
          {"prep.encode.high_cardinality.buckets=0", "prep.encode.high_cardinality.buckets"},
          {"prep.encode.high_cardinality.method=embedding", "prep.encode.high_cardinality.method"},
          {"prep.encode.columns={zip: lookup}", "prep.encode.columns"},
        }) {
      PrecisException e = assertThrows(PrecisException.class, () -> bank(bad[0]), bad[0]);
      assertEquals(2, e.exitCode(), e.getMessage());
      assertTrue(e.getMessage().contains(bad[1]), e.getMessage());
    }
  }
}
