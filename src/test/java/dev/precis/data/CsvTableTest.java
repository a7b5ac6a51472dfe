package dev.precis.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precis.PrecisException;
import dev.precis.config.ConfigLoader;
import dev.precis.config.ConfigOverride;
import dev.precis.config.DataConfig;
import dev.precis.config.PrecisConfig;
import dev.precis.model.ModelCatalog;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Specifies reading a whole delimited file: dialect sniffing, header, column names and row checks.
 */
class CsvTableTest {
  static final Path BANK = Path.of("sample-data/bank/bank-additional.csv");

  /** The bank sample's config as `--set` options give it: data.path, then {@code sets} in order. */
  static PrecisConfig bankConfig(String... sets) {
    List<ConfigOverride> overrides = new ArrayList<>();
    overrides.add(ConfigOverride.parseSet("data.path=" + BANK));
    Arrays.stream(sets).map(ConfigOverride::parseSet).forEach(overrides::add);
    return new ConfigLoader(ModelCatalog::complete).load(null, overrides);
  }

  @TempDir Path dir;

  private static DataConfig config(String delimiter, Boolean header) {
    return new DataConfig(null, delimiter, header, null, null, null, null, null, null, null);
  }

  private static DataConfig auto() {
    return config("auto", null);
  }

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  private static PrecisException dataError(Path file, DataConfig config) {
    PrecisException e = assertThrows(PrecisException.class, () -> CsvTable.read(file, config));
    assertEquals(PrecisException.DATA, e.exitCode(), e.getMessage());
    return e;
  }

  @Test
  void bankFileSniffsSemicolonAndHeader() {
    CsvTable table = CsvTable.read(BANK, auto());
    assertEquals(new CsvDialect(';', true), table.dialect());
  }

  @Test
  void bankFileHas21ColumnsAnd4119Rows() throws IOException {
    List<String> lines = Files.readAllLines(BANK).stream().filter(l -> !l.isBlank()).toList();
    CsvTable table = CsvTable.read(BANK, auto());
    assertEquals(lines.get(0).split(";").length, table.columns().size());
    assertEquals(lines.size() - 1, table.rowCount());
    assertEquals(21, table.columns().size());
    assertEquals(4119, table.rowCount());
    assertEquals(table.rowCount(), table.lines().length);
  }

  @Test
  void bankFieldsAreUnquotedAndFreeOfLineEnds() throws IOException {
    CsvTable table = CsvTable.read(BANK, auto());
    String[] header = Files.readAllLines(BANK).get(0).split(";");
    assertEquals(header[0].replace("\"", ""), table.columns().get(0));
    assertEquals("y", table.columns().get(table.columns().size() - 1));
    assertTrue(table.columns().contains("emp.var.rate"));
    for (int r = 0; r < table.rowCount(); r++) {
      String[] row = table.row(r);
      assertEquals(table.columns().size(), row.length);
      String y = row[row.length - 1];
      assertTrue(y.equals("yes") || y.equals("no"), y);
      assertFalse(row[1].contains("\""), row[1]);
    }
  }

  @Test
  void bankRowLinesArePhysicalLines() {
    CsvTable table = CsvTable.read(BANK, auto());
    for (int i = 0; i < table.lines().length; i++) {
      assertEquals(i + 2, table.lines()[i]);
    }
  }

  @Test
  void commaFileWithHeader() throws IOException {
    Path file = write("c.csv", "id,city,spend\n1,\"Paris, FR\",10.5\n2,Oslo,3\n");
    CsvTable table = CsvTable.read(file, auto());
    assertEquals(new CsvDialect(',', true), table.dialect());
    assertEquals(List.of("id", "city", "spend"), table.columns());
    assertEquals(2, table.rowCount());
    assertArrayEquals(new String[] {"1", "Paris, FR", "10.5"}, table.row(0));
  }

  @Test
  void tabFileWithoutHeaderGetsNumberedColumns() throws IOException {
    Path file = write("t.tsv", "1\tred\t0.5\n2\tblue\t1.5\n3\tred\t2\n");
    CsvTable table = CsvTable.read(file, auto());
    assertEquals(new CsvDialect('\t', false), table.dialect());
    assertEquals(List.of("col1", "col2", "col3"), table.columns());
    assertEquals(3, table.rowCount());
    assertArrayEquals(new String[] {"1", "red", "0.5"}, table.row(0));
    assertEquals(1, table.lines()[0]);
  }

  @Test
  void pipeDelimiterIsSniffed() throws IOException {
    Path file = write("p.txt", "a|b\nx|y\n");
    assertEquals('|', CsvTable.read(file, auto()).dialect().delimiter());
  }

  @Test
  void configuredDelimiterAndHeaderWinOverSniffing() throws IOException {
    Path file = write("c.csv", "a;b,c\nd;e,f\n");
    CsvTable table = CsvTable.read(file, config(";", false));
    assertEquals(new CsvDialect(';', false), table.dialect());
    assertEquals(List.of("col1", "col2"), table.columns());
    assertEquals(2, table.rowCount());
    assertArrayEquals(new String[] {"a", "b,c"}, table.row(0));
  }

  @Test
  void tabDelimiterCanBeConfiguredAsBackslashT() throws IOException {
    Path file = write("t.tsv", "a\tb\n1\t2\n");
    assertEquals('\t', CsvTable.read(file, config("\\t", null)).dialect().delimiter());
  }

  @Test
  void utf8ByteOrderMarkIsIgnored() throws IOException {
    Path file = write("bom.csv", "\uFEFFid,name\n1,ann\n");
    CsvTable table = CsvTable.read(file, auto());
    assertEquals(List.of("id", "name"), table.columns());
    assertArrayEquals(new String[] {"1", "ann"}, table.row(0));
  }

  @Test
  void utf8ByteOrderMarkIsIgnoredWithoutHeader() throws IOException {
    Path file = write("bom.csv", "\uFEFF1,ann\n2,bob\n");
    CsvTable table = CsvTable.read(file, auto());
    assertEquals(List.of("col1", "col2"), table.columns());
    assertArrayEquals(new String[] {"1", "ann"}, table.row(0));
  }

  @Test
  void crlfFileReadsLikeLfFile() throws IOException {
    Path lf = write("lf.csv", "a,b\n1,\"x\ny\"\n2,z\n");
    Path crlf = write("crlf.csv", "a,b\r\n1,\"x\ny\"\r\n2,z\r\n");
    CsvTable one = CsvTable.read(lf, config(",", null));
    CsvTable two = CsvTable.read(crlf, config(",", null));
    assertEquals(one.columns(), two.columns());
    assertEquals(one.rowCount(), two.rowCount());
    for (int i = 0; i < one.rowCount(); i++) {
      assertArrayEquals(one.row(i), two.row(i));
    }
    assertArrayEquals(new long[] {2, 4}, two.lines());
  }

  @Test
  void gzipFileReadsLikeThePlainFile() throws IOException {
    Path gz = dir.resolve("bank.csv.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      Files.copy(BANK, out);
    }
    CsvTable plain = CsvTable.read(BANK, auto());
    CsvTable zipped = CsvTable.read(gz, auto());
    assertEquals(plain.columns(), zipped.columns());
    assertEquals(plain.rowCount(), zipped.rowCount());
    assertArrayEquals(plain.row(plain.rowCount() - 1), zipped.row(zipped.rowCount() - 1));
  }

  @Test
  void delimiterIsSniffedWhenAQuotedFieldSpansLines() throws IOException {
    // the parser reads this file with data.delimiter set; sniffing must see records, not physical
    // lines
    Path file = write("m.csv", "id,note,y\n1,\"two\nlines\",yes\n2,plain,no\n");
    CsvTable table = CsvTable.read(file, auto());
    assertEquals(new CsvDialect(',', true), table.dialect());
    assertArrayEquals(new String[] {"1", "two\nlines", "yes"}, table.row(0));
  }

  @Test
  void duplicateHeaderNamesAreADataError() throws IOException {
    Path file = write("d.csv", "id,age,age\n1,2,3\n");
    PrecisException e = dataError(file, auto());
    assertTrue(e.getMessage().startsWith(file + ":1:"), e.getMessage());
    assertTrue(e.getMessage().contains("'age' appears twice"), e.getMessage());
  }

  @Test
  void emptyHeaderNameIsADataError() throws IOException {
    Path file = write("d.csv", "id,,x\n1,2,3\n");
    PrecisException e = dataError(file, auto());
    assertTrue(e.getMessage().contains("column 2 has no name"), e.getMessage());
  }

  @Test
  void rowWithTheWrongFieldCountNamesItsLine() throws IOException {
    Path file = write("w.csv", "a,b\n1,2\n\n3,4,5\n");
    PrecisException e = dataError(file, config(",", null));
    assertTrue(e.getMessage().startsWith(file + ":4:"), e.getMessage());
    assertTrue(e.getMessage().contains("expected 2 fields"), e.getMessage());
  }

  @Test
  void emptyFileIsADataError() throws IOException {
    Path file = write("e.csv", "\n\n");
    assertTrue(dataError(file, auto()).getMessage().contains("is empty"));
  }

  @Test
  void headerWithoutRowsIsADataError() throws IOException {
    Path file = write("h.csv", "a,b\n");
    assertTrue(dataError(file, auto()).getMessage().contains("no data rows"));
  }

  @Test
  void missingFileIsADataError() {
    assertTrue(dataError(dir.resolve("nope.csv"), auto()).getMessage().contains("no such file"));
  }

  @Test
  void undecidableDelimiterIsADataError() throws IOException {
    Path file = write("u.csv", "abc\ndef\n");
    assertTrue(dataError(file, auto()).getMessage().contains("data.delimiter"));
  }

  @Test
  void indexOfAMissingColumnNamesTheNearestColumn() {
    CsvTable table = CsvTable.read(BANK, auto());
    PrecisException e =
        assertThrows(PrecisException.class, () -> table.indexOf("eduction", "feature"));
    assertEquals(PrecisException.DATA, e.exitCode());
    assertTrue(e.getMessage().contains("'education'"), e.getMessage());
  }
}
