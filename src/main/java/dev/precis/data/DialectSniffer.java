package dev.precis.data;

import dev.precis.PrecisException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Infers the delimiter and whether there is a header line from a sample of the file's first
 * characters, parsed with the same {@link RecordParser} that reads the data. The delimiter is the
 * candidate that splits the sampled records into the same, largest number of fields; a header is
 * assumed unless a first-record field is a number.
 */
final class DialectSniffer {
  private static final char[] CANDIDATES = {',', ';', '\t', '|'};
  private static final int RECORDS = 20;

  private DialectSniffer() {}

  static char delimiter(Path file, String sample, boolean complete, boolean quoting) {
    char best = 0;
    int bestFields = 1;
    for (char candidate : CANDIDATES) {
      int fields = fieldsIfConsistent(file, sample, complete, candidate, quoting);
      if (fields > bestFields) {
        best = candidate;
        bestFields = fields;
      }
    }
    if (best == 0) {
      throw PrecisException.data(
          file
              + ":1: cannot tell the delimiter (tried , ; TAB |); "
              + "set data.delimiter, e.g. --set data.delimiter=';'");
    }
    return best;
  }

  static boolean header(Path file, String sample, char delimiter, boolean quoting) {
    for (String field : firstRecord(file, sample, delimiter, quoting)) {
      String bare = field.strip();
      if (!bare.isEmpty() && Numbers.isNumber(bare)) {
        return false;
      }
    }
    return true;
  }

  /** The fields of the first record. */
  static List<String> firstRecord(Path file, String sample, char delimiter, boolean quoting) {
    List<String> fields = parser(file, sample, delimiter, quoting).nextRecord();
    return fields == null ? List.of() : fields;
  }

  /**
   * The field count shared by the sampled records, or 0 if they disagree or do not parse. The last
   * record of an incomplete sample may be cut short, so it is not counted.
   */
  private static int fieldsIfConsistent(
      Path file, String sample, boolean complete, char delimiter, boolean quoting) {
    RecordParser parser = parser(file, sample, delimiter, quoting);
    List<Integer> counts = new ArrayList<>();
    while (counts.size() <= RECORDS) {
      int count;
      try {
        count = parser.next(new String[0]);
      } catch (PrecisException e) {
        if (complete) {
          return 0;
        }
        break; // the sample ends inside a quoted field
      }
      if (count < 0) {
        break;
      }
      counts.add(count);
    }
    if (counts.isEmpty()) {
      return 0;
    }
    if (!complete && counts.size() > 1) {
      counts.remove(counts.size() - 1);
    }
    return counts.stream().distinct().count() == 1 ? counts.get(0) : 0;
  }

  private static RecordParser parser(Path file, String sample, char delimiter, boolean quoting) {
    RecordParser parser = new RecordParser(file, delimiter, quoting);
    char[] text = sample.toCharArray();
    parser.reset(new TextBlock(text, text.length, 1, 0));
    return parser;
  }
}
