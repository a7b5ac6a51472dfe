package dev.precis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Specifies data.pii on a made-up customer file: declared personal columns are dropped, hashed or
 * masked before anything reads them; undeclared ones are found, named and left out; and no file or
 * message Precis writes holds the hashing key or a personal value.
 */
class PrivacyTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String KEY = "test-key-only-for-PrivacyTest-7f3a91c2";
  private static final String OTHER_KEY = "another-test-key-for-PrivacyTest-55e0";

  @TempDir Path dir;

  @Test
  void declaredColumnsAreMaskedHashedOrDroppedBeforeTheyBecomeFeatures() throws Exception {
    Path data = PersonalFixture.write(dir, "customers.csv");
    Path config =
        config(
            "customer",
            """
                email: {mask: domain}
                postcode: {mask: {regex: '^(\\S+) '}}
                phone: hash
                card: drop
                ssn: drop
            """,
            keyFile("key", KEY));
    Path out = dir.resolve("prepared");
    CliRun run = prep(config, data, out);
    assertEquals(0, run.exitCode(), run.transcript());

    JsonNode pipeline = JSON.readTree(out.resolve("pipeline.json").toFile());
    String steps = pipeline.path("steps").toString();
    assertTrue(steps.contains("mail.example.net"), steps);
    assertTrue(steps.contains("\"SW1A\""), steps);
    assertFalse(steps.contains("\"card\"") || steps.contains("\"ssn\""), steps);
    List<String> phoneHashes = new ArrayList<>();
    for (int i = 0; i < PersonalFixture.ROWS; i++) {
      phoneHashes.add(hmac(KEY, PersonalFixture.phone(i)));
    }
    // the hashes differ on every row, as the phone numbers did: an identifier, never a feature
    assertFalse(phoneHashes.stream().anyMatch(steps::contains), steps);
    assertEquals(
        "hash", pipeline.path("pii").path("columns").path("phone").asText(), pipeline.toString());
    assertEquals(
        "domain", pipeline.path("pii").path("columns").path("email").path("mask").asText());
    assertTrue(pipeline.path("pii").path("key").path("file").asText().endsWith("key"));

    JsonNode report = JSON.readTree(out.resolve("prep-report.json").toFile());
    assertEquals("identifier", column(report, "phone").path("role").asText(), report.toString());
    JsonNode email = column(report, "email");
    assertEquals(3, email.path("distinct").asLong(), email.toString());
    assertTrue(
        email.path("top").findValuesAsText("value").contains("example.com"), email.toString());
    assertTrue(column(report, "phone").path("top").isEmpty(), report.toString());
    assertTrue(column(report, "card").path("top").isEmpty(), report.toString());
    assertNothingPersonalIn(run, out);
  }

  @Test
  void aHashedIdIsStableForAKeyAndDiffersForAnother() throws Exception {
    Path data = PersonalFixture.write(dir, "customers.csv");
    List<String> first = predictedIds(data, "one", KEY);
    List<String> again = predictedIds(data, "again", KEY);
    List<String> other = predictedIds(data, "other", OTHER_KEY);
    assertEquals(PersonalFixture.ROWS, first.size());
    for (int i = 0; i < PersonalFixture.ROWS; i++) {
      assertEquals(hmac(KEY, PersonalFixture.customer(i)), first.get(i), "row " + i);
      assertEquals(hmac(OTHER_KEY, PersonalFixture.customer(i)), other.get(i), "row " + i);
    }
    assertEquals(first, again);
    assertNotEquals(first.get(0), other.get(0));
  }

  /** Trains with the id hashed under {@code key}, predicts the same file, returns its ids. */
  private List<String> predictedIds(Path data, String name, String key) throws IOException {
    Path config =
        config(
            "customer",
            """
                customer: hash
                email: drop
                phone: drop
                card: drop
                ssn: drop
                postcode: {mask: {first: 2}}
            """,
            keyFile(name + ".key", key));
    Path runDir = Files.createDirectories(dir.resolve(name));
    Path bundle = runDir.resolve("model.precis");
    CliRun train =
        CliRun.precis(
            "train",
            "--config",
            config.toString(),
            "--data",
            data.toString(),
            "--out",
            bundle.toString());
    assertEquals(0, train.exitCode(), train.transcript());
    Path scores = runDir.resolve("scores.csv");
    CliRun predict =
        CliRun.precis(
            "predict",
            "--model",
            bundle.toString(),
            "--data",
            data.toString(),
            "--out",
            scores.toString());
    assertEquals(0, predict.exitCode(), predict.transcript());
    CliRun eval = CliRun.precis("eval", "--model", bundle.toString(), "--data", data.toString());
    assertEquals(0, eval.exitCode(), eval.transcript());
    assertNothingPersonalIn(eval, runDir);
    List<String> lines = Files.readAllLines(scores);
    assertTrue(lines.get(0).startsWith("customer,"), lines.get(0));
    assertNothingPersonalIn(train, runDir);
    assertNothingPersonalIn(predict, runDir);
    return lines.stream().skip(1).map(line -> line.substring(0, line.indexOf(','))).toList();
  }

  @Test
  void undeclaredPersonalColumnsAreNamedWithTheirKindAndLeftOut() throws Exception {
    Path data = PersonalFixture.write(dir, "customers.csv");
    Path config = config("customer", "", null);
    Path out = dir.resolve("prepared");
    CliRun run = prep(config, data, out);
    assertEquals(0, run.exitCode(), run.transcript());
    assertTrue(run.err().contains("column 'email' looks like e-mail addresses"), run.err());
    assertTrue(run.err().contains("column 'phone' looks like phone numbers"), run.err());
    assertTrue(run.err().contains("column 'card' looks like card numbers"), run.err());
    assertTrue(run.err().contains("column 'ssn' looks like national ids"), run.err());
    assertFalse(run.err().contains("column 'postcode' looks like"), run.err());
    JsonNode report = JSON.readTree(out.resolve("prep-report.json").toFile());
    assertTrue(report.path("warnings").toString().contains("'card' looks like card numbers"));
    for (String name : List.of("email", "phone", "card", "ssn")) {
      assertEquals("dropped", column(report, name).path("role").asText(), name);
    }
    JsonNode id = column(report, "customer");
    assertEquals("id", id.path("role").asText());
    assertTrue(id.path("top").isEmpty() && id.path("numbers").isNull(), id.toString());
    assertNothingPersonalIn(run, out, "postcode");
  }

  @Test
  void trainWarnsAboutUndeclaredPersonalColumnsAndAColumnDeclaredKeptIsUsed() throws Exception {
    Path data = PersonalFixture.write(dir, "customers.csv");
    Path config = config("customer", "    card: keep\n", null);
    Path bundle = dir.resolve("model.precis");
    CliRun run =
        CliRun.precis(
            "train",
            "--config",
            config.toString(),
            "--data",
            data.toString(),
            "--out",
            bundle.toString());
    assertEquals(0, run.exitCode(), run.transcript());
    assertTrue(run.err().contains("column 'email' looks like e-mail addresses"), run.err());
    assertFalse(run.err().contains("column 'card' looks like"), run.err());
    try (ZipFile zip = new ZipFile(bundle.toFile())) {
      JsonNode pipeline = JSON.readTree(zip.getInputStream(zip.getEntry("pipeline.json")));
      assertTrue(pipeline.path("steps").toString().contains("\"card\""), pipeline.toString());
      assertFalse(pipeline.path("steps").toString().contains("\"email\""), pipeline.toString());
    }
  }

  @Test
  void aBadValueInAMaskedColumnIsReportedWithoutTheValue() throws Exception {
    Path data = zipFile("zips.csv", 0, "AB1X9");
    Path config = config(null, "    zip: {mask: {first: 3}}\n", null);
    CliRun run = prep(config, data, dir.resolve("prepared"));
    assertEquals(3, run.exitCode(), run.transcript());
    assertTrue(run.err().contains("column 'zip' holds numbers"), run.err());
    assertTrue(run.err().contains("not shown (data.pii)"), run.err());
    assertFalse(run.err().contains("AB1"), run.err());
  }

  @Test
  void aBadValueInAMaskedColumnAtPredictTimeIsReportedWithoutTheValue() throws Exception {
    Path config = config(null, "    zip: {mask: {first: 3}}\n", null);
    Path bundle = dir.resolve("model.precis");
    CliRun train =
        CliRun.precis(
            "train",
            "--config",
            config.toString(),
            "--data",
            zipFile("train.csv", -1, null).toString(),
            "--out",
            bundle.toString());
    assertEquals(0, train.exitCode(), train.transcript());
    CliRun predict =
        CliRun.precis(
            "predict",
            "--model",
            bundle.toString(),
            "--data",
            zipFile("score.csv", 5, "XY9ZZ").toString(),
            "--out",
            dir.resolve("s.csv").toString());
    assertEquals(3, predict.exitCode(), predict.transcript());
    assertTrue(predict.err().contains("column 'zip' is numeric"), predict.err());
    assertFalse(predict.err().contains("XY9"), predict.err());
  }

  @Test
  void aHashedColumnWhoseKeyIsNotSetIsAUsageErrorNamingTheVariable() throws Exception {
    String variable = "PRECIS_PRIVACY_TEST_UNSET_KEY";
    assertEquals(null, System.getenv(variable));
    Path data = PersonalFixture.write(dir, "customers.csv");
    Path config = config("customer", "    customer: hash\n", "{env: " + variable + "}");
    CliRun run = prep(config, data, dir.resolve("prepared"));
    assertEquals(2, run.exitCode(), run.transcript());
    assertTrue(run.err().contains("data.pii_key"), run.err());
    assertTrue(run.err().contains(variable), run.err());
  }

  @Test
  void aHashedColumnWithoutAKeyIsAConfigError() throws Exception {
    Path data = PersonalFixture.write(dir, "customers.csv");
    CliRun run = prep(config("customer", "    email: hash\n", null), data, dir.resolve("p"));
    assertEquals(2, run.exitCode(), run.transcript());
    assertTrue(run.err().contains("data.pii_key"), run.err());
    assertTrue(run.err().contains("'email' is hashed"), run.err());
  }

  @Test
  void aKeyShorterThanSixteenBytesIsRefusedWithoutShowingIt() throws Exception {
    Path data = PersonalFixture.write(dir, "customers.csv");
    Path config = config("customer", "    email: hash\n", keyFile("short.key", "s3cr3t"));
    CliRun run = prep(config, data, dir.resolve("p"));
    assertEquals(2, run.exitCode(), run.transcript());
    assertTrue(run.err().contains("shorter than 16 bytes"), run.err());
    assertFalse(run.transcript().contains("s3cr3t"), run.transcript());
  }

  @Test
  void aMaskRegexWithoutAGroupIsAConfigError() throws Exception {
    Path data = PersonalFixture.write(dir, "customers.csv");
    CliRun run =
        prep(config("customer", "    postcode: {mask: {regex: '^\\\\S+'}}\n", null), data, dir);
    assertEquals(2, run.exitCode(), run.transcript());
    assertTrue(run.err().contains("data.pii"), run.err());
    assertTrue(run.err().contains("no (group)"), run.err());
  }

  /** A file of zip codes with a response, one row's zip replaced by {@code bad} unless -1. */
  private Path zipFile(String name, int badRow, String bad) throws IOException {
    StringBuilder csv = new StringBuilder("zip,age,y\n");
    for (int i = 0; i < PersonalFixture.ROWS; i++) {
      String zip = i == badRow ? bad : String.valueOf(10000 + 397 * i);
      int age = 20 + (i * 7) % 50;
      csv.append(zip).append(',').append(age).append(',');
      csv.append(age > 45 || i % 9 == 0 ? "yes" : "no").append('\n');
    }
    Path file = dir.resolve(name);
    Files.writeString(file, csv);
    return file;
  }

  private Path config(String id, String pii, String key) throws IOException {
    StringBuilder yaml = new StringBuilder("data:\n  target: y\n  positive: \"yes\"\n");
    if (id != null) {
      yaml.append("  id: ").append(id).append('\n');
    }
    if (!pii.isBlank()) {
      yaml.append("  pii:\n").append(pii.stripIndent().indent(4));
    }
    if (key != null) {
      yaml.append("  pii_key: ").append(key).append('\n');
    }
    yaml.append("model:\n  type: logistic\n");
    Path file = Files.createTempFile(dir, "config", ".yaml");
    Files.writeString(file, yaml);
    return file;
  }

  /** A key file outside every output directory; the config names it. */
  private String keyFile(String name, String key) throws IOException {
    Path keys = Files.createDirectories(dir.resolve("keys"));
    Path file = keys.resolve(name);
    Files.writeString(file, key + "\n");
    return "{file: '" + file + "'}";
  }

  private static CliRun prep(Path config, Path data, Path out) {
    return CliRun.precis(
        "prep",
        "--config",
        config.toString(),
        "--data",
        data.toString(),
        "--out",
        out.toString(),
        "--force");
  }

  private static JsonNode column(JsonNode report, String name) {
    for (JsonNode column : report.path("profile").path("columns")) {
      if (column.path("name").asText().equals(name)) {
        return column;
      }
    }
    throw new AssertionError("no column " + name + " in " + report);
  }

  /**
   * Neither key nor any raw value of the personal columns and the id is in what the run printed or
   * in any file under {@code out} (a bundle's zip entries read one by one); the columns in {@code
   * notPersonal} are not looked for.
   */
  private static void assertNothingPersonalIn(CliRun run, Path out, String... notPersonal)
      throws IOException {
    List<String> texts = new ArrayList<>(List.of(run.out(), run.err()));
    try (Stream<Path> files = Files.walk(out)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        texts.addAll(contents(file));
      }
    }
    List<String> values = new ArrayList<>(PersonalFixture.personalValues());
    if (List.of(notPersonal).contains("postcode")) {
      values.removeIf(v -> v.matches("\\S+ \\dAB"));
    }
    for (String text : texts) {
      assertFalse(text.contains(KEY) || text.contains(OTHER_KEY), "the key was written");
      for (String value : values) {
        assertFalse(text.contains(value), () -> "'" + value + "' was written");
      }
    }
  }

  private static List<String> contents(Path file) throws IOException {
    if (!file.toString().endsWith(".precis")) {
      return List.of(Files.readString(file, StandardCharsets.ISO_8859_1));
    }
    List<String> entries = new ArrayList<>();
    try (ZipFile zip = new ZipFile(file.toFile())) {
      for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
        try (InputStream in = zip.getInputStream(entry)) {
          entries.add(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
        }
      }
    }
    return entries;
  }

  private static String hmac(String key, String value) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
  }
}
