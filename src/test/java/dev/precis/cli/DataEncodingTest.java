package dev.precis.cli;

import static dev.precis.cli.OneLineError.assertOneLineError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Specifies how data files are decoded: in data.encoding (UTF-8 unless set), bytes invalid in it
 * being a data error that names the line (never replaced), and by content: gzip data whatever its
 * name, a byte-order mark, binary files refused.
 */
class DataEncodingTest {
  private static final int DATA = 3;
  private static final int USAGE = 2;
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  /** The only row whose city is Köln, past the first block the reader decodes. */
  private static final int KOELN_ROW = 700;

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void bytesThatAreNotUtf8AreADataErrorNamingTheLineAndDataEncoding() {
    Path data = BankData.write(dir.resolve("export.csv"), withCity(), WINDOWS_1252);
    assertOneLineError(
        train(data),
        DATA,
        "export.csv:" + (KOELN_ROW + 2) + ":",
        "not valid UTF-8",
        "0xF6",
        "'ö'",
        "--set data.encoding=windows-1252");
  }

  @Test
  void windows1252FileTrainsWithDataEncodingAndKeepsItsLetters() throws IOException {
    Path data = BankData.write(dir.resolve("export.csv"), withCity(), WINDOWS_1252);
    Path model = dir.resolve("model.precis");
    CliRun run = train(data, "--set", "data.encoding=windows-1252");
    assertEquals(0, run.exitCode(), run.transcript());
    assertEquals(List.of("Bonn", "Köln"), levels(model, "city"));
  }

  @Test
  void predictReadsDataInTheEncodingTheModelWasTrainedWith() {
    Path data = BankData.write(dir.resolve("export.csv"), withCity(), WINDOWS_1252);
    assertEquals(0, train(data, "--set", "data.encoding=windows-1252").exitCode());
    CliRun run =
        CliRun.precis(
            "predict",
            "--model",
            dir.resolve("model.precis").toString(),
            "--data",
            data.toString(),
            "--out",
            dir.resolve("scores.csv").toString());
    assertEquals(0, run.exitCode(), run.transcript());
    assertFalse(run.err().contains("not seen in training"), run.transcript());
  }

  @Test
  void unknownEncodingIsAConfigErrorNamingTheKey() {
    assertOneLineError(
        train(BankData.CSV, "--set", "data.encoding=latin-nine"),
        USAGE,
        "data.encoding",
        "'latin-nine'",
        "windows-1252");
  }

  @Test
  void gzipDataWithoutTheGzNameTrainsLikeThePlainFile() throws IOException {
    Path data = gzip(BankData.CSV, dir.resolve("bank.csv"));
    assertEquals(0, train(data).exitCode());
    JsonNode zipped = JSON.readTree(dir.resolve("model.train-report.json").toFile());
    assertEquals(0, train(BankData.CSV, "--force").exitCode());
    JsonNode plain = JSON.readTree(dir.resolve("model.train-report.json").toFile());
    assertEquals(plain.get("metrics"), zipped.get("metrics"));
  }

  @Test
  void truncatedGzipSaysTheDataEndsEarly() throws IOException {
    byte[] whole = Files.readAllBytes(gzip(BankData.CSV, dir.resolve("whole.csv.gz")));
    Path cut =
        Files.write(dir.resolve("cut.csv.gz"), java.util.Arrays.copyOf(whole, whole.length / 2));
    assertOneLineError(train(cut), DATA, "cut.csv.gz:", "gzip data ends early", "truncated");
  }

  @Test
  void gzNameOnPlainTextIsADataError() throws IOException {
    Path data = Files.copy(BankData.CSV, dir.resolve("bank.csv.gz"));
    assertOneLineError(train(data), DATA, "bank.csv.gz:", "not gzip data");
  }

  @Test
  void binaryFileIsNotCsvText() throws IOException {
    byte[] binary = new byte[4096];
    for (int i = 0; i < binary.length; i++) {
      binary[i] = (byte) (i * 31 % 7 == 0 ? 0 : i * 131);
    }
    Path data = Files.write(dir.resolve("program"), binary);
    assertOneLineError(train(data), DATA, "program:", "binary file, not CSV text");
  }

  @Test
  void utf16WithAByteOrderMarkTrainsLikeUtf8() throws IOException {
    Path data =
        BankData.write(dir.resolve("unicode.csv"), BankData.lines(), StandardCharsets.UTF_16);
    assertEquals(0, train(data).exitCode());
    JsonNode utf16 = JSON.readTree(dir.resolve("model.train-report.json").toFile());
    assertEquals(0, train(BankData.CSV, "--force").exitCode());
    JsonNode utf8 = JSON.readTree(dir.resolve("model.train-report.json").toFile());
    assertEquals(utf8.get("metrics"), utf16.get("metrics"));
  }

  @Test
  void utf16WithoutAByteOrderMarkSuggestsTheEncoding() {
    Path data =
        BankData.write(dir.resolve("unicode.csv"), BankData.lines(), StandardCharsets.UTF_16LE);
    assertOneLineError(train(data), DATA, "unicode.csv:", "--set data.encoding=UTF-16LE");
  }

  /** The first 1,000 bank rows with a city column: Bonn, but Köln on one row. */
  private static List<String> withCity() {
    List<String> lines = new ArrayList<>(BankData.lines().subList(0, 1001));
    return BankData.withColumn(lines, "city", row -> row == KOELN_ROW ? "\"Köln\"" : "\"Bonn\"");
  }

  private CliRun train(Path data, String... options) {
    return CliRun.train(
        data,
        dir.resolve("model.precis"),
        CliRun.concat(List.of("--set", "prep.missing.tokens=[unknown]"), options));
  }

  private static Path gzip(Path from, Path to) throws IOException {
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(to))) {
      Files.copy(from, out);
    }
    return to;
  }

  /** The levels the bundle's pipeline keeps for a categorical column. */
  private static List<String> levels(Path model, String column) throws IOException {
    try (ZipFile zip = new ZipFile(model.toFile())) {
      JsonNode pipeline = JSON.readTree(zip.getInputStream(zip.getEntry("pipeline.json")));
      for (JsonNode c : pipeline.get("steps")) {
        if (c.get("step").asText().equals("categorical") && c.get("name").asText().equals(column)) {
          List<String> levels = new ArrayList<>();
          c.get("levels").forEach(l -> levels.add(l.asText()));
          return levels;
        }
      }
    }
    throw new AssertionError("no categorical column " + column);
  }
}
