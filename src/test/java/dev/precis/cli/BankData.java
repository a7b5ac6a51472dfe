package dev.precis.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The real bank sample ({@code ;}-delimited, quoted strings, CRLF), altered copies of it, and what
 * a command left in a directory.
 */
final class BankData {
  static final Path CSV = Path.of("sample-data/bank/bank-additional.csv");
  static final int ROWS = 4119;
  static final int FIELDS = 21;

  private BankData() {}

  /** The file's lines without their line ends: the header, then one line per row. */
  static List<String> lines() {
    try {
      return new ArrayList<>(Files.readAllLines(CSV, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes lines with CRLF ends, as the original has; no lines make an empty file. */
  static Path write(Path file, List<String> lines) {
    return write(file, lines, StandardCharsets.UTF_8);
  }

  /** As {@link #write(Path, List)}, in another encoding. */
  static Path write(Path file, List<String> lines, java.nio.charset.Charset encoding) {
    String text = lines.isEmpty() ? "" : String.join("\r\n", lines) + "\r\n";
    try {
      return Files.writeString(file, text, encoding);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The index of a column in the header. */
  static int column(String name) {
    List<String> header = fields(lines().get(0));
    int index = header.indexOf('"' + name + '"');
    if (index < 0) {
      throw new IllegalArgumentException("no column " + name + " in " + header);
    }
    return index;
  }

  static List<String> fields(String line) {
    return Arrays.asList(line.split(";", -1));
  }

  /** The line with one field replaced. */
  static String withField(String line, int index, String value) {
    List<String> fields = new ArrayList<>(fields(line));
    fields.set(index, value);
    return String.join(";", fields);
  }

  /**
   * The file's lines with one value replaced, on a line numbered from 1 as error messages count.
   */
  static List<String> withValue(int lineNumber, String column, String value) {
    List<String> lines = lines();
    lines.set(lineNumber - 1, withField(lines.get(lineNumber - 1), column(column), value));
    return lines;
  }

  /** The line with one field removed. */
  static String withoutField(String line, int index) {
    List<String> fields = new ArrayList<>(fields(line));
    fields.remove(index);
    return String.join(";", fields);
  }

  /** The names of the files in a directory, to check what a command left there. */
  static Set<String> listing(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString()).collect(Collectors.toSet());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The lines with a column added at the end: {@code name} in the header, and {@code value} of each
   * row's index (from 0) as it appears in the file (quoted or not).
   */
  static List<String> withColumn(
      List<String> lines, String name, java.util.function.IntFunction<String> value) {
    return IntStream.range(0, lines.size())
        .mapToObj(i -> lines.get(i) + ";" + (i == 0 ? '"' + name + '"' : value.apply(i - 1)))
        .collect(Collectors.toList());
  }

  /** Applies {@code change} to every row, leaving the header as it is. */
  static List<String> mapRows(List<String> lines, UnaryOperator<String> change) {
    return IntStream.range(0, lines.size())
        .mapToObj(i -> i == 0 ? lines.get(i) : change.apply(lines.get(i)))
        .collect(Collectors.toList());
  }
}
