package dev.precis.data;

import dev.precis.config.TextConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

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
    List<String> tokens = new ArrayList<>();
    int start = -1;
    for (int i = 0; i < lower.length(); ) {
      int point = lower.codePointAt(i);
      boolean inToken = isTokenPoint(point);
      if (inToken && start < 0) {
        start = i;
      } else if (!inToken && start >= 0) {
        tokens.add(lower.substring(start, i));
        start = -1;
      }
      i += Character.charCount(point);
    }
    if (start >= 0) {
      tokens.add(lower.substring(start));
    }
    return tokens;
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

  /** Gives each term of a text to {@code sink}, once per occurrence. */
  public void forEach(String text, Consumer<String> sink) {
    List<String> tokens = tokens(text);
    StringBuilder gram = new StringBuilder();
    for (int n = ngramMin; n <= ngramMax; n++) {
      for (int start = 0; start + n <= tokens.size(); start++) {
        gram.setLength(0);
        for (int k = start; k < start + n; k++) {
          if (k > start) {
            gram.append(' ');
          }
          gram.append(tokens.get(k));
        }
        sink.accept(gram.toString());
      }
    }
    if (charMin > 0) {
      tokens.forEach(token -> characterGrams(token, sink));
    }
  }

  /** Character n-grams by code point, so that a letter outside the BMP is never cut in two. */
  private void characterGrams(String token, Consumer<String> sink) {
    int[] points = (" " + token + " ").codePoints().toArray();
    for (int n = charMin; n <= charMax; n++) {
      for (int start = 0; start + n <= points.length; start++) {
        sink.accept("[" + new String(points, start, n) + "]");
      }
    }
  }
}
