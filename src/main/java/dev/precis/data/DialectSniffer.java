package dev.precis.data;

import dev.precis.PrecisException;
import java.util.List;

/**
 * Infers the delimiter and whether there is a header line from the first lines of a file.
 * The delimiter is the candidate that splits the first lines into the same, largest number of
 * fields; a header is assumed unless a first-line field is a number.
 */
final class DialectSniffer {
  private static final char[] CANDIDATES = {',', ';', '\t', '|'};

  private DialectSniffer() {}

  static char delimiter(java.nio.file.Path file, List<String> firstLines) {
    char best = 0;
    int bestFields = 1;
    for (char candidate : CANDIDATES) {
      int fields = fieldsIfConsistent(firstLines, candidate);
      if (fields > bestFields) {
        best = candidate;
        bestFields = fields;
      }
    }
    if (best == 0) {
      throw PrecisException.data(file + ":1: cannot tell the delimiter (tried , ; TAB |); "
          + "set data.delimiter, e.g. --set data.delimiter=';'");
    }
    return best;
  }

  static boolean header(String firstLine, char delimiter) {
    for (String field : splitOutsideQuotes(firstLine, delimiter)) {
      String bare = field.strip().replace("\"", "");
      if (!bare.isEmpty() && Numbers.isNumber(bare)) {
        return false;
      }
    }
    return true;
  }

  private static int fieldsIfConsistent(List<String> lines, char delimiter) {
    int fields = -1;
    for (String line : lines) {
      int n = splitOutsideQuotes(line, delimiter).size();
      if (fields >= 0 && n != fields) {
        return 0;
      }
      fields = n;
    }
    return fields;
  }

  private static List<String> splitOutsideQuotes(String line, char delimiter) {
    List<String> fields = new java.util.ArrayList<>();
    boolean quoted = false;
    int start = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == CsvDialect.QUOTE) {
        quoted = !quoted;
      } else if (c == delimiter && !quoted) {
        fields.add(line.substring(start, i));
        start = i + 1;
      }
    }
    fields.add(line.substring(start));
    return fields;
  }
}
