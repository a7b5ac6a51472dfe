package dev.precis.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precis.PrecisException;
import dev.precis.config.Mappers;
import dev.precis.config.PredictConfig;
import dev.precis.config.TaskType;
import dev.precis.data.CsvTable;
import dev.precis.data.RowEncoder;
import dev.precis.data.SparseRows;
import dev.precis.io.InputFile;
import dev.precis.train.ModelTraining;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Specifies the bundle as a manifest of named artifacts: every entry listed with its sha256 and
 * checked on reading, readable from bytes, and an older config inside it read over the defaults.
 */
class BundleArtifactsTest {
  private static final String NAME = "bank.precis";

  @TempDir static Path dir;

  private static ModelBundle bundle;
  private static byte[] bytes;
  private static SparseRows rows;

  @BeforeAll
  static void train() {
    bundle = ModelTraining.train(ModelBundleTest.bankConfig(), dir.resolve(NAME)).bundle();
    bytes = bytes(bundle);
    CsvTable table = CsvTable.read(ModelBundleTest.BANK, bundle.config().data());
    RowEncoder encoder = bundle.pipeline().encoder(table.file(), table.columns());
    rows = new SparseRows(encoder.featureCount());
    for (int r = 0; r < table.rowCount(); r++) {
      String[] row = table.row(r);
      encoder.encode(row, rows);
    }
  }

  private static byte[] bytes(ModelBundle bundle) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      bundle.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static ModelBundle read(byte[] zip) {
    return ModelBundle.read(new ByteArrayInputStream(zip), NAME);
  }

  /** The zip's entries, in order. */
  private static Map<String, byte[]> entries(byte[] zip) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      ZipEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        entries.put(entry.getName(), in.readAllBytes());
      }
    }
    return entries;
  }

  private static byte[] zip(Map<String, byte[]> entries) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(entry.getKey()));
        zip.write(entry.getValue());
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }

  private static JsonNode manifest(Map<String, byte[]> entries) throws IOException {
    return Mappers.json().readTree(entries.get("manifest.json"));
  }

  /** The bundle with one entry changed, and its manifest's digest of it made to match. */
  private static byte[] resealed(String entry, UnaryOperator<byte[]> change) throws IOException {
    Map<String, byte[]> entries = entries(bytes);
    entries.put(entry, change.apply(entries.get(entry)));
    ObjectNode manifest = (ObjectNode) manifest(entries);
    for (JsonNode artifact : manifest.path("artifacts")) {
      if (artifact.path("name").asText().equals(entry)) {
        ((ObjectNode) artifact).put("sha256", InputFile.sha256(entries.get(entry)));
      }
    }
    entries.put("manifest.json", Mappers.json().writeValueAsBytes(manifest));
    return zip(entries);
  }

  @Test
  void manifestListsEveryOtherEntryWithItsKindAndSha256() throws IOException {
    Map<String, byte[]> entries = entries(bytes);
    JsonNode manifest = manifest(entries);
    assertEquals("precis.bundle/2", manifest.path("schema").asText());
    List<String> listed = new ArrayList<>();
    for (JsonNode artifact : manifest.path("artifacts")) {
      String name = artifact.path("name").asText();
      listed.add(name + ":" + artifact.path("kind").asText());
      assertEquals(InputFile.sha256(entries.get(name)), artifact.path("sha256").asText(), name);
    }
    assertEquals(
        List.of(
            "config.yaml:config",
            "pipeline.json:pipeline",
            "bins.json:score-bins",
            "distributions.json:feature-distributions",
            "importance.json:feature-importance",
            "model.tribuo:tribuo-model"),
        listed);
    assertEquals(
        List.of(
            "manifest.json",
            "config.yaml",
            "pipeline.json",
            "bins.json",
            "distributions.json",
            "importance.json",
            "model.tribuo"),
        List.copyOf(entries.keySet()));
  }

  @Test
  void manifestRecordsTheResponseTask() throws IOException {
    JsonNode task = manifest(entries(bytes)).path("task");
    assertEquals("response", task.path("type").asText());
    assertEquals("y", task.path("target").asText());
    assertEquals("yes", task.path("positive").asText());
    assertEquals(new ResponseTask("y", "yes"), bundle.manifest().task());
  }

  @Test
  void bundleReadFromAStreamScoresExactlyAsTheOneTrained() {
    ModelBundle back = read(bytes);
    assertEquals(bundle.manifest(), back.manifest());
    assertEquals(bundle.config(), back.config());
    assertArrayEquals(bundle.scorer().score(rows), back.scorer().score(rows));
  }

  @Test
  void bundleReadAndWrittenAgainHasTheSameBytes() {
    assertArrayEquals(bytes, bytes(read(bytes)));
  }

  @Test
  void editedEntryIsADataErrorNamingTheBundleAndTheEntry() throws IOException {
    Map<String, byte[]> entries = entries(bytes);
    byte[] model = entries.get("model.tribuo").clone();
    model[model.length / 2] ^= 1;
    entries.put("model.tribuo", model);
    PrecisException e = assertThrows(PrecisException.class, () -> read(zip(entries)));
    assertEquals(PrecisException.DATA, e.exitCode());
    assertEquals(
        NAME
            + ": its model.tribuo is corrupt (it does not match its digest in manifest.json);"
            + " retrain, or copy the bundle again",
        e.getMessage());
  }

  @Test
  void configWrittenBeforeNewerKeysReadsWithTheirDefaults() throws IOException {
    byte[] older =
        resealed(
            "config.yaml",
            yaml ->
                new String(yaml, StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.startsWith("task:") && !line.contains("bad_rows:"))
                    .reduce("", (text, line) -> text + line + "\n")
                    .getBytes(StandardCharsets.UTF_8));
    assertTrue(
        !new String(entries(older).get("config.yaml"), StandardCharsets.UTF_8).contains("task"));
    ModelBundle back = read(older);
    assertEquals(TaskType.RESPONSE, back.config().task());
    assertEquals(PredictConfig.BadRows.FAIL, back.config().predict().badRows());
    assertArrayEquals(bundle.scorer().score(rows), back.scorer().score(rows));
  }

  @Test
  void configThisPrecisCannotReadIsADataErrorNamingTheEntry() throws IOException {
    byte[] bad =
        resealed(
            "config.yaml",
            yaml ->
                new String(yaml, StandardCharsets.UTF_8)
                    .replace("type: logistic", "type: no-such-type")
                    .getBytes(StandardCharsets.UTF_8));
    PrecisException e = assertThrows(PrecisException.class, () -> read(bad));
    assertEquals(PrecisException.DATA, e.exitCode());
    assertTrue(e.getMessage().startsWith(NAME + ": its config.yaml:"), e.getMessage());
    assertTrue(e.getMessage().contains("model.type"), e.getMessage());
  }

  @Test
  void artifactOfAKindThisPrecisDoesNotKnowIsADataErrorNamingIt() throws IOException {
    Map<String, byte[]> entries = entries(bytes);
    ObjectNode manifest = (ObjectNode) manifest(entries);
    for (JsonNode artifact : manifest.path("artifacts")) {
      if (artifact.path("name").asText().equals("model.tribuo")) {
        ((ObjectNode) artifact).put("kind", "tensorflow-graph");
      }
    }
    entries.put("manifest.json", Mappers.json().writeValueAsBytes(manifest));
    PrecisException e = assertThrows(PrecisException.class, () -> read(zip(entries)));
    assertEquals(PrecisException.DATA, e.exitCode());
    assertTrue(e.getMessage().contains("its model.tribuo is a 'tensorflow-graph'"), e.getMessage());
  }
}
