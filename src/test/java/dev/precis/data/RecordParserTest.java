package dev.precis.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precis.PrecisException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Specifies how one block of text is split into records and fields (RFC 4180 quoting). */
class RecordParserTest {
  private static final Path FILE = Path.of("in.csv");

  /** A parsed record: its fields and the physical line it starts on. */
  private record Row(List<String> fields, long line) {}

  private static List<Row> parse(String text, char delimiter, long firstLine) {
    RecordParser parser = new RecordParser(FILE, delimiter);
    char[] chars = text.toCharArray();
    parser.reset(new TextBlock(chars, chars.length, firstLine, 0));
    List<Row> rows = new ArrayList<>();
    String[] fields = new String[16];
    int count;
    while ((count = parser.next(fields)) >= 0) {
      rows.add(new Row(List.copyOf(Arrays.asList(fields).subList(0, count)), parser.line()));
    }
    return rows;
  }

  private static List<List<String>> fields(String text) {
    return parse(text, ',', 1).stream().map(Row::fields).toList();
  }

  private static List<Long> lines(String text) {
    return parse(text, ',', 1).stream().map(Row::line).toList();
  }

  private static PrecisException failure(String text) {
    PrecisException e = assertThrows(PrecisException.class, () -> parse(text, ',', 1));
    assertEquals(PrecisException.DATA, e.exitCode(), e.getMessage());
    return e;
  }

  @Test
  void plainFieldsSplitOnTheDelimiter() {
    assertEquals(List.of(List.of("a", "b", "c"), List.of("1", "2", "3")), fields("a,b,c\n1,2,3\n"));
  }

  @Test
  void otherDelimiters() {
    assertEquals(
        List.of(List.of("a", "b,c")), parse("a;b,c\n", ';', 1).stream().map(Row::fields).toList());
    assertEquals(
        List.of(List.of("a", "b c")),
        parse("a\tb c\n", '\t', 1).stream().map(Row::fields).toList());
  }

  @Test
  void emptyFieldsAreKept() {
    assertEquals(List.of(List.of("", "b", ""), List.of("", "", "")), fields(",b,\n,,\n"));
  }

  @Test
  void quotedFieldMayHoldTheDelimiter() {
    assertEquals(List.of(List.of("a,b", "c")), fields("\"a,b\",c\n"));
  }

  @Test
  void doubledQuoteInsideAQuotedFieldIsOneQuote() {
    assertEquals(
        List.of(List.of("say \"hi\"", "x", "\"")), fields("\"say \"\"hi\"\"\",x,\"\"\"\"\n"));
  }

  @Test
  void emptyQuotedFieldIsEmpty() {
    assertEquals(List.of(List.of("", "x")), fields("\"\",x\n"));
  }

  @Test
  void quotedFieldMayHoldLineBreaks() {
    assertEquals(
        List.of(List.of("a\nb", "c"), List.of("d", "e\r\nf")),
        fields("\"a\nb\",c\n\"d\",\"e\r\nf\"\n"));
  }

  @Test
  void recordLineIsWhereTheRecordStartsAfterEmbeddedLineBreaks() {
    assertEquals(List.of(1L, 4L, 5L), lines("\"a\nb\n\",c\nd,e\n\"f\",g\n"));
  }

  @Test
  void lineNumbersStartAtTheBlocksFirstLine() {
    assertEquals(List.of(41L, 42L), parse("a\nb\n", ',', 41).stream().map(Row::line).toList());
  }

  @Test
  void crlfAndLfLineEndsGiveTheSameRecords() {
    assertEquals(fields("a,b\n\"c\",d\n"), fields("a,b\r\n\"c\",d\r\n"));
    assertEquals(List.of(List.of("a", "b"), List.of("c", "d")), fields("a,b\r\nc,d\n"));
  }

  @Test
  void crlfKeepsLineNumbers() {
    assertEquals(List.of(1L, 2L, 3L), lines("a\r\nb\r\nc\r\n"));
  }

  @Test
  void blankLinesAreSkippedButCounted() {
    assertEquals(List.of(List.of("a"), List.of("b")), fields("\n\na\n\r\n\nb\n\n"));
    assertEquals(List.of(3L, 6L), lines("\n\na\n\r\n\nb\n\n"));
  }

  @Test
  void lastLineWithoutANewline() {
    assertEquals(List.of(List.of("a", "b"), List.of("c", "d")), fields("a,b\nc,d"));
    assertEquals(List.of(List.of("a", "")), fields("a,"));
    assertEquals(List.of(List.of("a", "q")), fields("a,\"q\""));
  }

  @Test
  void emptyBlockHasNoRecords() {
    assertEquals(List.of(), fields(""));
    assertEquals(List.of(), fields("\r\n\n"));
  }

  @Test
  void moreFieldsThanTheArrayAreCountedNotStored() {
    RecordParser parser = new RecordParser(FILE, ',');
    char[] text = "a,b,c,d\n".toCharArray();
    parser.reset(new TextBlock(text, text.length, 1, 0));
    String[] fields = new String[2];
    assertEquals(4, parser.next(fields));
    assertArrayEquals(new String[] {"a", "b"}, fields);
    assertEquals(-1, parser.next(fields));
  }

  @Test
  void onlyKeptFieldsAreMadeIntoStrings() {
    RecordParser parser = new RecordParser(FILE, ',');
    char[] text = "a,\"b,x\",c\n".toCharArray();
    parser.reset(new TextBlock(text, text.length, 1, 0));
    String[] fields = new String[3];
    assertEquals(3, parser.next(fields, new boolean[] {false, true, false}));
    assertArrayEquals(new String[] {null, "b,x", null}, fields);
  }

  @Test
  void onlyTheFirstLengthCharactersAreParsed() {
    RecordParser parser = new RecordParser(FILE, ',');
    char[] text = "a,b\nc,d\n".toCharArray();
    parser.reset(new TextBlock(text, 4, 1, 0));
    String[] fields = new String[2];
    assertEquals(2, parser.next(fields));
    assertEquals(-1, parser.next(fields));
  }

  @Test
  void consumedCountsTheCharactersParsed() {
    RecordParser parser = new RecordParser(FILE, ',');
    char[] text = "h1,h2\r\n1,2\r\n".toCharArray();
    parser.reset(new TextBlock(text, text.length, 1, 0));
    parser.next(new String[2]);
    assertEquals("h1,h2\r\n".length(), parser.consumed());
  }

  @Test
  void parserIsReusableAcrossBlocks() {
    RecordParser parser = new RecordParser(FILE, ',');
    String[] fields = new String[2];
    char[] first = "a,b\n".toCharArray();
    parser.reset(new TextBlock(first, first.length, 1, 0));
    assertEquals(2, parser.next(fields));
    assertEquals(-1, parser.next(fields));
    char[] second = "c,\"d\"\"\"\n".toCharArray();
    parser.reset(new TextBlock(second, second.length, 2, 1));
    assertEquals(2, parser.next(fields));
    assertArrayEquals(new String[] {"c", "d\""}, fields);
    assertEquals(2, parser.line());
  }

  @Test
  void unterminatedQuoteNamesTheLineWhereTheFieldStarts() {
    // the record starts on line 2, the unterminated field on line 3
    PrecisException e = failure("a,b\n\"c\nd\",\"never\nclosed\nat all\n");
    assertTrue(e.getMessage().startsWith(FILE + ":3:"), e.getMessage());
    assertTrue(e.getMessage().contains("never closed"), e.getMessage());
  }

  @Test
  void characterAfterAClosingQuoteIsAnError() {
    PrecisException e = failure("a,b\n\"c\"x,d\n");
    assertTrue(e.getMessage().startsWith(FILE + ":2:"), e.getMessage());
    assertTrue(e.getMessage().contains("'x'"), e.getMessage());
  }

  @Test
  void spaceAfterAClosingQuoteIsAnError() {
    PrecisException e = failure("\"c\" ,d\n");
    assertTrue(e.getMessage().contains("after a closing quote"), e.getMessage());
  }

  @Test
  void quoteInsideAPlainFieldIsKeptAsIs() {
    assertEquals(List.of(List.of("5'10\"", "x")), fields("5'10\",x\n"));
  }
}
