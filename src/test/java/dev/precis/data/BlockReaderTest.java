package dev.precis.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Specifies how a file is cut into blocks of whole records, also when quoted fields hold line
 * breaks.
 */
class BlockReaderTest {
  private static final Path FILE = Path.of("in.csv");

  /**
   * Quoted fields with LF and CRLF inside, doubled quotes, delimiters, CRLF and LF record ends,
   * blank lines.
   */
  private static final String TEXT =
      String.join(
          "",
          "id,name,note\r\n",
          "1,\"Smith, John\",\"line one\nline two\"\r\n",
          "2,plain,\"say \"\"hi\"\"\"\r\n",
          "\r\n",
          "3,\"multi\r\nline\r\nfield, with comma\",x\n",
          "4,\"\",\"\"\n",
          "5,\"a very long quoted field that is longer than any tiny block size\n"
              + "and spans lines\",end\n",
          "\n",
          "6,last,\"no newline at the end\nof the file\"");

  private static List<TextBlock> blocks(String text, long firstLine, int blockChars) {
    BlockReader reader = new BlockReader(new StringReader(text), ',', true, firstLine, blockChars);
    List<TextBlock> blocks = new ArrayList<>();
    TextBlock block;
    while ((block = reader.next()) != null) {
      blocks.add(block);
    }
    return blocks;
  }

  private static String textOf(TextBlock block) {
    return new String(block.text(), 0, block.length());
  }

  /** Every record of a block as "line:field|field|...". */
  private static List<String> records(TextBlock block) {
    RecordParser parser = new RecordParser(FILE, ',');
    parser.reset(block);
    String[] fields = new String[8];
    List<String> out = new ArrayList<>();
    int count;
    while ((count = parser.next(fields)) >= 0) {
      out.add(
          parser.line()
              + ":"
              + String.join("|", java.util.Arrays.asList(fields).subList(0, count)));
    }
    return out;
  }

  private static List<String> records(List<TextBlock> blocks) {
    List<String> out = new ArrayList<>();
    blocks.forEach(b -> out.addAll(records(b)));
    return out;
  }

  private static TextBlock whole(String text, long firstLine) {
    return new TextBlock(text.toCharArray(), text.length(), firstLine, 0);
  }

  private static long newlinesBefore(String text, int end) {
    return text.substring(0, end).chars().filter(c -> c == '\n').count();
  }

  @Test
  void quoteInsideAnUnquotedFieldIsAnOrdinaryCharacter() {
    String text = "id,height,note\n1,5'10\",tall\n2,6'1\",\"two\nlines\"\n3,5'2\",short\n";
    List<TextBlock> blocks = blocks(text, 1, 8);
    assertEquals(
        List.of("2:1|5'10\"|tall", "3:2|6'1\"|two\nlines", "5:3|5'2\"|short"),
        records(blocks).subList(1, 4));
  }

  @Test
  void concatenatedBlocksGiveTheInputBack() {
    for (int size : new int[] {1, 2, 3, 16, 64, 1 << 16}) {
      StringBuilder joined = new StringBuilder();
      blocks(TEXT, 1, size).forEach(b -> joined.append(textOf(b)));
      assertEquals(TEXT, joined.toString(), "block size " + size);
    }
  }

  @Test
  void tinyBlocksCutTheTextIntoSeveralBlocks() {
    assertTrue(blocks(TEXT, 1, 16).size() > 3);
  }

  @Test
  void everyBlockEndsAtARecordBoundary() {
    List<TextBlock> blocks = blocks(TEXT, 1, 16);
    for (int i = 0; i < blocks.size() - 1; i++) {
      assertTrue(
          textOf(blocks.get(i)).endsWith("\n"),
          "block " + i + " ends mid-line: " + textOf(blocks.get(i)));
    }
    // parsed block by block, the records are those of the whole text parsed at once
    assertEquals(records(whole(TEXT, 1)), records(blocks));
  }

  @Test
  void recordLongerThanTheBlockSizeGrowsTheBlock() {
    List<TextBlock> blocks = blocks(TEXT, 1, 16);
    assertTrue(blocks.stream().anyMatch(b -> b.length() > 16));
    assertTrue(
        blocks.stream()
            .anyMatch(b -> textOf(b).contains("longer than any tiny block size\nand spans lines")));
  }

  @Test
  void firstLineOfEachBlockIsItsPhysicalLine() {
    for (long start : new long[] {1, 10}) {
      int offset = 0;
      for (TextBlock block : blocks(TEXT, start, 16)) {
        assertEquals(
            start + newlinesBefore(TEXT, offset), block.firstLine(), "block at char " + offset);
        offset += block.length();
      }
    }
  }

  @Test
  void sequenceNumbersCountFromZero() {
    List<TextBlock> blocks = blocks(TEXT, 1, 16);
    for (int i = 0; i < blocks.size(); i++) {
      assertEquals(i, blocks.get(i).sequence());
    }
  }

  @Test
  void randomTextsSurviveAnyBlockSize() {
    Random random = new Random(7);
    for (int round = 0; round < 200; round++) {
      String text = randomCsv(random);
      int size = 1 + random.nextInt(40);
      List<TextBlock> blocks = blocks(text, 1, size);
      StringBuilder joined = new StringBuilder();
      int offset = 0;
      for (int i = 0; i < blocks.size(); i++) {
        TextBlock block = blocks.get(i);
        assertEquals(1 + newlinesBefore(text, offset), block.firstLine());
        if (i < blocks.size() - 1) {
          assertTrue(textOf(block).endsWith("\n"));
        }
        joined.append(textOf(block));
        offset += block.length();
      }
      assertEquals(text, joined.toString(), "round " + round);
      assertEquals(records(whole(text, 1)), records(blocks), "round " + round);
    }
  }

  private static String randomCsv(Random random) {
    StringBuilder text = new StringBuilder();
    int records = 1 + random.nextInt(12);
    for (int r = 0; r < records; r++) {
      if (random.nextInt(8) == 0) {
        text.append(random.nextBoolean() ? "\n" : "\r\n");
      }
      int fields = 1 + random.nextInt(4);
      for (int f = 0; f < fields; f++) {
        if (f > 0) {
          text.append(',');
        }
        String value = randomValue(random);
        boolean needsQuotes = value.matches("(?s).*[\",\r\n].*");
        if (needsQuotes || random.nextInt(3) == 0) {
          text.append('"').append(value.replace("\"", "\"\"")).append('"');
        } else {
          text.append(value);
        }
      }
      boolean last = r == records - 1;
      if (!last || random.nextBoolean()) {
        text.append(random.nextBoolean() ? "\n" : "\r\n");
      }
    }
    return text.toString();
  }

  private static String randomValue(Random random) {
    String alphabet = "abc12 ,\"\n";
    StringBuilder value = new StringBuilder();
    int length = random.nextInt(10);
    for (int i = 0; i < length; i++) {
      value.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    if (random.nextInt(5) == 0) {
      value.append("\r\n");
    }
    return value.toString();
  }

  @Test
  void emptyInputHasNoBlocks() {
    assertNull(new BlockReader(new StringReader(""), ',', true, 1, 16).next());
  }

  @Test
  void unreadGivesBackTheRestOfABlock() {
    String text = "h1,h2\r\n\"a\nb\",c\r\nd,e\r\n";
    BlockReader reader = new BlockReader(new StringReader(text), ',', true, 1, 1 << 10);
    TextBlock first = reader.next();
    assertEquals(text, textOf(first));
    RecordParser parser = new RecordParser(FILE, ',');
    parser.reset(first);
    parser.next(new String[2]);
    reader.unread(first, parser.consumed());
    TextBlock rest = reader.next();
    assertEquals("\"a\nb\",c\r\nd,e\r\n", textOf(rest));
    assertEquals(2, rest.firstLine());
    assertEquals(first.sequence(), rest.sequence());
    assertEquals(List.of("2:a\nb|c", "4:d|e"), records(rest));
    assertNull(reader.next());
  }

  @Test
  void unreadBlockComesBeforeTheFollowingBlocks() {
    BlockReader reader = new BlockReader(new StringReader(TEXT), ',', true, 1, 16);
    TextBlock first = reader.next();
    RecordParser parser = new RecordParser(FILE, ',');
    parser.reset(first);
    parser.next(new String[8]);
    reader.unread(first, parser.consumed());
    StringBuilder joined = new StringBuilder(textOf(first).substring(0, parser.consumed()));
    List<TextBlock> later = new ArrayList<>();
    TextBlock block;
    while ((block = reader.next()) != null) {
      later.add(block);
      joined.append(textOf(block));
    }
    assertEquals(TEXT, joined.toString());
    int offset = parser.consumed();
    for (TextBlock b : later) {
      assertEquals(1 + newlinesBefore(TEXT, offset), b.firstLine());
      offset += b.length();
    }
  }

  @Test
  void unreadOfNothingLeftGivesNothingBack() {
    BlockReader reader = new BlockReader(new StringReader("a,b\n"), ',', true, 1, 1 << 10);
    TextBlock first = reader.next();
    reader.unread(first, first.length());
    assertNull(reader.next());
  }
}
