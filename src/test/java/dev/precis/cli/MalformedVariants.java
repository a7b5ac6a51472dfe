package dev.precis.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;

/**
 * Malformed copies of the bank sample for {@link GeneratedBadInputTest}. Each copy is made from one
 * seed by one mutation, sometimes two, so a copy that breaks precis can be made again from its seed
 * alone. The seed also picks the first mutation in turn, so consecutive seeds cover every kind.
 */
final class MalformedVariants {
  private static final List<String> BANK = List.copyOf(BankData.lines());
  private static final String TARGET = "\"y\"";
  private static final List<String> NON_ASCII =
      List.of("técnico", "señora", "Müller & Söhne", "naïve café", "€-kunde", "Ærøskøbing");
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  /** The bytes a random overwrite picks from: the ones parsers trip on, and any byte at all. */
  private static final int[] NASTY_BYTES = {
    0x00, 0xFF, '"', ';', '\r', '\n', ',', '\t', 0x80, 0xC3
  };

  private MalformedVariants() {}

  /**
   * One malformed file.
   *
   * @param seed what it was made from
   * @param description the mutations applied, in order, e.g. "truncate at byte 52311"
   * @param fileName the name to save it under (ending in .gz when compressed)
   * @param bytes its content
   * @param rows how many data rows a correct reader finds in it, when the mutations keep that
   *     knowable (not after random bytes or a cut inside a line)
   */
  record Variant(long seed, String description, String fileName, byte[] bytes, OptionalInt rows) {}

  static Variant of(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Mutation[] kinds = Mutation.values();
    Mutation first = kinds[(int) Math.floorMod(seed, (long) kinds.length)];
    List<Mutation> applied = new ArrayList<>(List.of(first));
    if (random.nextInt(4) == 0) {
      List<Mutation> seconds =
          Arrays.stream(kinds).filter(m -> m != first && !m.replacesTheFile()).toList();
      applied.add(seconds.get(random.nextInt(seconds.size())));
      // rows and fields change before the file is encoded, compressed last
      applied.sort(Comparator.naturalOrder());
    }
    Draft draft = new Draft();
    List<String> notes = new ArrayList<>();
    for (Mutation mutation : applied) {
      notes.add(mutation.apply(draft, random));
    }
    return new Variant(
        seed,
        String.join(", then ", notes),
        draft.fileName,
        draft.bytes(),
        draft.rows == null ? OptionalInt.empty() : OptionalInt.of(draft.rows));
  }

  /** The file being mutated: lines (header first) until a mutation needs its bytes. */
  private static final class Draft {
    List<String> lines = new ArrayList<>(BANK);
    String lineEnd = "\r\n";
    byte[] bytes;
    String fileName = "bank.csv";
    Integer rows = BankData.ROWS;

    /** Whether the bytes are UTF-16, where a line feed is not a line's last byte. */
    boolean wide;

    List<String> lines() {
      if (bytes != null) {
        throw new IllegalStateException("line mutations come before byte mutations");
      }
      return lines;
    }

    byte[] bytes() {
      if (bytes == null) {
        bytes = encode(i -> StandardCharsets.UTF_8);
      }
      return bytes;
    }

    /** The lines, each in the charset given for its index, with ASCII line ends. */
    byte[] encode(IntFunction<Charset> charsetOfLine) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      for (int i = 0; i < lines.size(); i++) {
        out.writeBytes(lines.get(i).getBytes(charsetOfLine.apply(i)));
        out.writeBytes(lineEnd.getBytes(StandardCharsets.US_ASCII));
      }
      return out.toByteArray();
    }

    int dataRows() {
      return Math.max(0, lines().size() - 1);
    }

    /** A random data line's index, or -1 when there is none. */
    int randomRow(SplittableRandom random) {
      return dataRows() == 0 ? -1 : 1 + random.nextInt(dataRows());
    }

    /** Puts a quoted non-ASCII value into the job column of a line; says which. */
    String nonAsciiJob(int line, SplittableRandom random) {
      String value = NON_ASCII.get(random.nextInt(NON_ASCII.size()));
      List<String> fields = new ArrayList<>(BankData.fields(lines().get(line)));
      if (fields.size() > 1) {
        fields.set(1, '"' + value + '"');
      }
      lines().set(line, String.join(";", fields));
      return value;
    }
  }

  /** The kinds of damage, in the order they are applied when a variant gets two. */
  private enum Mutation {
    FEW_ROWS {
      @Override
      String apply(Draft draft, SplittableRandom random) {
        int n = 1 + random.nextInt(20);
        List<String> yes = new ArrayList<>();
        List<String> no = new ArrayList<>();
        int target = BankData.fields(BANK.get(0)).indexOf(TARGET);
        for (String row : BANK.subList(1, BANK.size())) {
          (BankData.fields(row).get(target).equals("\"yes\"") ? yes : no).add(row);
        }
        String classes =
            n == 1
                ? "one row"
                : List.of("both classes", "only no", "only yes").get(random.nextInt(3));
        List<String> rows = new ArrayList<>();
        if (classes.equals("both classes")) {
          rows.add(pick(yes, random));
          rows.add(pick(no, random));
        }
        List<String> pool =
            switch (classes) {
              case "only no" -> no;
              case "only yes" -> yes;
              default -> BANK.subList(1, BANK.size());
            };
        while (rows.size() < n) {
          rows.add(pick(pool, random));
        }
        shuffle(rows, random);
        List<String> lines = draft.lines();
        lines.subList(1, lines.size()).clear();
        lines.addAll(rows);
        draft.rows = n;
        return n + " data rows (" + classes + ")";
      }
    },
    HEADER_ONLY {
      @Override
      String apply(Draft draft, SplittableRandom random) {
        draft.lines().subList(1, draft.lines().size()).clear();
        draft.rows = 0;
        return "header only";
      }
    },
    EMPTY {
      @Override
      String apply(Draft draft, SplittableRandom random) {
        draft.lines().clear();
        draft.rows = 0;
        return "empty file";
      }
    },
    BLANK_LINES {
      @Override
      String apply(Draft draft, SplittableRandom random) {
        int n = 1 + random.nextInt(50);
        String blank = List.of("", "", " ", "\t").get(random.nextInt(4));
        draft.lineEnd = random.nextBoolean() ? "\r\n" : "\n";
        draft.lines().clear();
        draft.lines().addAll(Collections.nCopies(n, blank));
        draft.rows = 0;
        return n
            + " blank lines ("
            + (blank.isEmpty() ? "empty" : blank.equals(" ") ? "a space" : "a tab")
            + ", "
            + (draft.lineEnd.equals("\n") ? "LF" : "CRLF")
            + ")";
      }
    },
    DUPLICATE_HEADER {
      @Override
      String apply(Draft draft, SplittableRandom random) {
        if (draft.lines().isEmpty() || BankData.fields(draft.lines().get(0)).size() < 2) {
          return "duplicate a header name (no header)";
        }
        List<String> header = new ArrayList<>(BankData.fields(draft.lines().get(0)));
        int renamed = random.nextInt(header.size());
        int copied = (renamed + 1 + random.nextInt(header.size() - 1)) % header.size();
        String was = header.get(renamed);
        header.set(renamed, header.get(copied));
        draft.lines().set(0, String.join(";", header));
        return "header " + was + " renamed to a duplicate " + header.get(copied);
      }
    },
    BLANK_COLUMN {
      @Override
      String apply(Draft draft, SplittableRandom random) {
        return everyRow(draft, random, "") + " blank on every row";
      }
    },
    CONSTANT_COLUMN {
      @Override
      String apply(Draft draft, SplittableRandom random) {
        int column = random.nextInt(BankData.FIELDS);
        List<String> lines = draft.lines();
        String value = lines.size() > 1 ? field(lines.get(1), column) : "1";
        return fill(draft, column, value) + " constant " + value;
      }
    },
    UNKNOWN_COLUMN {
      @Override
      String apply(Draft draft, SplittableRandom random) {
        String token = random.nextBoolean() ? "\"unknown\"" : "unknown";
        return everyRow(draft, random, token) + " " + token + " on every row";
      }
    },
    DROP_FIELD {
      @Override
      String apply(Draft draft, SplittableRandom random) {
        int n = 1 + random.nextInt(3);
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          int line = draft.randomRow(random);
          if (line < 0) {
            return "drop a field (no data rows)";
          }
          List<String> fields = BankData.fields(draft.lines().get(line));
          draft
              .lines()
              .set(
                  line,
                  BankData.withoutField(draft.lines().get(line), random.nextInt(fields.size())));
          changed.add(String.valueOf(line + 1));
        }
        return "drop a field on line " + String.join(", ", changed);
      }
    },
    ADD_FIELD {
      @Override
      String apply(Draft draft, SplittableRandom random) {
        int n = 1 + random.nextInt(5);
        List<String> values = List.of("0", "\"extra\"", "", "1.5", "\"no\"");
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          int line = draft.randomRow(random);
          if (line < 0) {
            return "add a field (no data rows)";
          }
          List<String> fields = new ArrayList<>(BankData.fields(draft.lines().get(line)));
          fields.add(random.nextInt(fields.size() + 1), values.get(random.nextInt(values.size())));
          draft.lines().set(line, String.join(";", fields));
          changed.add(String.valueOf(line + 1));
        }
        return "add a field on line " + String.join(", ", changed);
      }
    },
    ENCODING {
      @Override
      String apply(Draft draft, SplittableRandom random) {
        int mode = random.nextInt(5);
        if (mode < 2) {
          int line = draft.randomRow(random);
          if (line < 0) {
            draft.bytes();
            return "re-encode a row (no data rows)";
          }
          String value = draft.nonAsciiJob(line, random);
          Charset charset = mode == 0 ? WINDOWS_1252 : StandardCharsets.UTF_16LE;
          draft.bytes = draft.encode(i -> i == line ? charset : StandardCharsets.UTF_8);
          return "line " + (line + 1) + " ('" + value + "') in " + charset.name();
        }
        int n = Math.min(draft.dataRows(), 1 + random.nextInt(20));
        for (int i = 0; i < n; i++) {
          draft.nonAsciiJob(draft.randomRow(random), random);
        }
        String what = n + " non-ASCII values, whole file in ";
        if (mode == 2) {
          draft.bytes = draft.encode(i -> WINDOWS_1252);
          return what + "windows-1252";
        }
        // UTF-16 as Windows tools write it: with a byte-order mark
        boolean little = mode == 3;
        byte[] mark =
            little ? new byte[] {(byte) 0xFF, (byte) 0xFE} : new byte[] {(byte) 0xFE, (byte) 0xFF};
        Charset charset = little ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(mark);
        out.writeBytes(
            (draft.lines().isEmpty()
                    ? ""
                    : String.join(draft.lineEnd, draft.lines()) + draft.lineEnd)
                .getBytes(charset));
        draft.bytes = out.toByteArray();
        draft.wide = true;
        return what + charset.name() + " with a byte-order mark";
      }
    },
    OVERWRITE_BYTES {
      @Override
      String apply(Draft draft, SplittableRandom random) {
        byte[] bytes = draft.bytes();
        if (bytes.length == 0) {
          return "overwrite bytes (file empty)";
        }
        int n = 1 + random.nextInt(8);
        List<String> changes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          int offset = random.nextInt(bytes.length);
          int value =
              random.nextInt(3) == 0
                  ? random.nextInt(256)
                  : NASTY_BYTES[random.nextInt(NASTY_BYTES.length)];
          bytes[offset] = (byte) value;
          changes.add(String.format("0x%02X at %d", value, offset));
        }
        draft.rows = null;
        return "overwrite " + String.join(", ", changes);
      }
    },
    TRUNCATE {
      @Override
      String apply(Draft draft, SplittableRandom random) {
        int mode = random.nextInt(4);
        String where = "";
        if (mode == 2 && draft.bytes == null && draft.dataRows() > 0) {
          draft.nonAsciiJob(draft.randomRow(random), random);
        }
        byte[] bytes = draft.bytes();
        int cut = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
        if (mode == 1) {
          int[] quotes = fieldOpeningQuotes(bytes);
          if (quotes.length > 0) {
            cut =
                Math.min(
                    bytes.length, quotes[random.nextInt(quotes.length)] + 1 + random.nextInt(3));
            where = " (inside a quoted field)";
          }
        } else if (mode == 2) {
          int[] leads = multiByteStarts(bytes);
          if (leads.length > 0) {
            cut = leads[random.nextInt(leads.length)] + 1;
            where = " (inside a UTF-8 sequence)";
          }
        }
        Integer rows = null;
        if (mode == 3) {
          int[] ends = lineEnds(bytes);
          if (ends.length > 0) {
            cut = ends[random.nextInt(ends.length)] + 1;
            where = " (at the end of a line)";
            rows = rowsBefore(draft, cut);
          }
        }
        draft.bytes = Arrays.copyOf(bytes, cut);
        draft.rows = rows;
        return "truncate at byte " + cut + " of " + bytes.length + where;
      }
    },
    BOM {
      @Override
      String apply(Draft draft, SplittableRandom random) {
        byte[] bytes = draft.bytes();
        byte[] marked = new byte[bytes.length + 3];
        marked[0] = (byte) 0xEF;
        marked[1] = (byte) 0xBB;
        marked[2] = (byte) 0xBF;
        System.arraycopy(bytes, 0, marked, 3, bytes.length);
        draft.bytes = marked;
        return "UTF-8 byte-order mark";
      }
    },
    GZIP {
      @Override
      String apply(Draft draft, SplittableRandom random) {
        byte[] compressed = gzip(draft.bytes());
        draft.fileName += ".gz";
        if (random.nextInt(4) == 0) {
          draft.bytes = compressed;
          return "gzip (complete)";
        }
        int cut = random.nextInt(compressed.length);
        draft.bytes = Arrays.copyOf(compressed, cut);
        draft.rows = null;
        return "gzip, truncated at byte " + cut + " of " + compressed.length;
      }
    };

    abstract String apply(Draft draft, SplittableRandom random);

    /** Whether it throws the rows away, leaving nothing for a second mutation to work on. */
    boolean replacesTheFile() {
      return this == HEADER_ONLY || this == EMPTY || this == BLANK_LINES;
    }
  }

  /** Sets a random column to {@code value} on every row; says which column. */
  private static String everyRow(Draft draft, SplittableRandom random, String value) {
    return fill(draft, random.nextInt(BankData.FIELDS), value);
  }

  private static String fill(Draft draft, int column, String value) {
    List<String> lines = draft.lines();
    for (int i = 1; i < lines.size(); i++) {
      if (BankData.fields(lines.get(i)).size() > column) {
        lines.set(i, BankData.withField(lines.get(i), column, value));
      }
    }
    return "column " + (lines.isEmpty() ? "#" + column : field(lines.get(0), column));
  }

  private static String field(String line, int column) {
    List<String> fields = BankData.fields(line);
    return column < fields.size() ? fields.get(column) : "";
  }

  private static String pick(List<String> from, SplittableRandom random) {
    return from.get(random.nextInt(from.size()));
  }

  private static void shuffle(List<String> list, SplittableRandom random) {
    for (int i = list.size() - 1; i > 0; i--) {
      Collections.swap(list, i, random.nextInt(i + 1));
    }
  }

  /** Offsets of quotes that open a field: at the start of a line or after a delimiter. */
  private static int[] fieldOpeningQuotes(byte[] bytes) {
    return IntStream.range(0, bytes.length)
        .filter(i -> bytes[i] == '"' && (i == 0 || bytes[i - 1] == ';' || bytes[i - 1] == '\n'))
        .toArray();
  }

  /**
   * The data rows left when a file is cut after a line feed: the lines before the cut, less the
   * header. Unknowable in UTF-16, where a line feed is not a line's last byte, or after damage.
   */
  private static Integer rowsBefore(Draft draft, int cut) {
    if (draft.rows == null || draft.wide) {
      return null;
    }
    return draft.rows == 0 ? 0 : lineEnds(Arrays.copyOf(draft.bytes(), cut)).length - 1;
  }

  /** Offsets of the line feeds. */
  private static int[] lineEnds(byte[] bytes) {
    return IntStream.range(0, bytes.length).filter(i -> bytes[i] == '\n').toArray();
  }

  /** Offsets of bytes that start a multi-byte UTF-8 sequence. */
  private static int[] multiByteStarts(byte[] bytes) {
    return IntStream.range(0, bytes.length - 1)
        .filter(i -> (bytes[i] & 0xE0) == 0xC0 || (bytes[i] & 0xF0) == 0xE0)
        .filter(i -> (bytes[i + 1] & 0xC0) == 0x80)
        .toArray();
  }

  private static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
