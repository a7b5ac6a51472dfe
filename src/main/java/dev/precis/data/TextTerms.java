package dev.precis.data;

import dev.precis.config.TextConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Splits a text into the terms a {@link TextStep} counts. A token is a run of Unicode letters,
 * combining marks and digits, lower-cased in the root locale, so that "Café" and "CAFÉ" are one
 * token in every locale; punctuation, spaces and emoji separate tokens. A script written without
 * spaces (Chinese, Japanese) gives one token per run; character n-grams reach inside it. Terms are
 * word n-grams, their tokens joined by one space ("call now"), and, when prep.text asks for them,
 * character n-grams of each token padded with a space each side, written in brackets ("[ ca]"):
 * neither can be mistaken for the other, since a token holds no space or bracket.
 */
public final class TextTerms {
  private final int ngramMin;
  private final int ngramMax;
  private final int charMin;
  private final int charMax;
  private final Bounds bounds = new Bounds();
  private char[] buffer = new char[256];

  public TextTerms(int ngramMin, int ngramMax, int charMin, int charMax) {
    this.ngramMin = ngramMin;
    this.ngramMax = ngramMax;
    this.charMin = charMin;
    this.charMax = charMax;
  }

  /** The terms prep.text asks for. */
  public static TextTerms of(TextConfig text) {
    return new TextTerms(
        text.ngramMin(), text.ngramMax(), text.charNgramMin(), text.charNgramMax());
  }

  /**
   * The tokens of a text, in order: the runs of [\p{L}\p{M}\p{N}] of its lower-cased form, found by
   * a scan of its code points rather than a regular expression, which took most of a text step's
   * time.
   */
  public static List<String> tokens(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    Bounds bounds = new Bounds();
    bounds.scan(lower);
    List<String> tokens = new ArrayList<>(bounds.count);
    for (int t = 0; t < bounds.count; t++) {
      tokens.add(lower.substring(bounds.starts[t], bounds.ends[t]));
    }
    return tokens;
  }

  /**
   * Where a text's tokens start and end; kept from text to text, so that a scan allocates nothing.
   */
  private static final class Bounds {
    private int[] starts = new int[64];
    private int[] ends = new int[64];
    private int count;

    /** Finds the tokens of a lower-cased text. */
    void scan(String lower) {
      count = 0;
      int start = -1;
      for (int i = 0; i < lower.length(); ) {
        int point = lower.codePointAt(i);
        boolean inToken = isTokenPoint(point);
        if (inToken && start < 0) {
          start = i;
        } else if (!inToken && start >= 0) {
          add(start, i);
          start = -1;
        }
        i += Character.charCount(point);
      }
      if (start >= 0) {
        add(start, lower.length());
      }
    }

    private void add(int start, int end) {
      if (count == starts.length) {
        starts = Arrays.copyOf(starts, 2 * count);
        ends = Arrays.copyOf(ends, 2 * count);
      }
      starts[count] = start;
      ends[count++] = end;
    }
  }

  /** Whether a code point is a letter, a combining mark or a number (\p{L}, \p{M}, \p{N}). */
  static boolean isTokenPoint(int point) {
    if (point < 0x80) {
      return point >= 'a' && point <= 'z'
          || point >= '0' && point <= '9'
          || point >= 'A' && point <= 'Z';
    }
    return switch (Character.getType(point)) {
      case Character.UPPERCASE_LETTER,
          Character.LOWERCASE_LETTER,
          Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER,
          Character.OTHER_LETTER,
          Character.NON_SPACING_MARK,
          Character.ENCLOSING_MARK,
          Character.COMBINING_SPACING_MARK,
          Character.DECIMAL_DIGIT_NUMBER,
          Character.LETTER_NUMBER,
          Character.OTHER_NUMBER ->
          true;
      default -> false;
    };
  }

  /**
   * Receives a term as the first {@code length} chars of {@code chars}, valid during the call only.
   */
  @FunctionalInterface
  public interface Sink {
    void accept(char[] chars, int length);
  }

  /**
   * Gives each term of a text to {@code sink}, once per occurrence, written into a buffer this
   * analyzer reuses: no String is made per term. Not for use by two threads at once.
   */
  public void forEach(String text, Sink sink) {
    String lower = text.toLowerCase(Locale.ROOT);
    bounds.scan(lower);
    for (int n = ngramMin; n <= ngramMax; n++) {
      for (int start = 0; start + n <= bounds.count; start++) {
        int length = 0;
        for (int k = start; k < start + n; k++) {
          int from = bounds.starts[k];
          int to = bounds.ends[k];
          ensure(length + 1 + to - from);
          if (k > start) {
            buffer[length++] = ' ';
          }
          lower.getChars(from, to, buffer, length);
          length += to - from;
        }
        sink.accept(buffer, length);
      }
    }
    if (charMin > 0) {
      for (int t = 0; t < bounds.count; t++) {
        characterGrams(lower.substring(bounds.starts[t], bounds.ends[t]), sink);
      }
    }
  }

  /** Character n-grams by code point, so that a letter outside the BMP is never cut in two. */
  private void characterGrams(String token, Sink sink) {
    int[] points = (" " + token + " ").codePoints().toArray();
    for (int n = charMin; n <= charMax; n++) {
      for (int start = 0; start + n <= points.length; start++) {
        ensure(2 + 2 * n);
        int length = 0;
        buffer[length++] = '[';
        for (int k = start; k < start + n; k++) {
          length += Character.toChars(points[k], buffer, length);
        }
        buffer[length++] = ']';
        sink.accept(buffer, length);
      }
    }
  }

  private void ensure(int length) {
    if (buffer.length < length) {
      buffer = Arrays.copyOf(buffer, Math.max(2 * buffer.length, length));
    }
  }
}
