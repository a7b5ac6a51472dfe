package dev.precis.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Specifies how a text splits into tokens, word n-grams and character n-grams. */
class TextTermsTest {

  @Test
  void tokensAreLowerCasedRunsOfUnicodeLettersAndDigits() {
    assertEquals(
        List.of("café", "café", "naïve", "東京タワー", "2go", "été", "ok"),
        TextTerms.tokens("Café CAFÉ, naïve 東京タワー 2go! 😀 ÉTÉ...ok"));
  }

  @Test
  void tokenCodePointsAreExactlyTheUnicodeLettersMarksAndNumbers() {
    Pattern classes = Pattern.compile("[\\p{L}\\p{M}\\p{N}]");
    for (int point = 0; point <= Character.MAX_CODE_POINT; point++) {
      String text = Character.toString(point);
      assertEquals(classes.matcher(text).matches(), TextTerms.isTokenPoint(point), text);
    }
  }

  @Test
  void combiningMarksStayInTheirToken() {
    // "e" + COMBINING ACUTE ACCENT, as a decomposed text writes "é"
    assertEquals(List.of("cafe\u0301", "bar"), TextTerms.tokens("CAFE\u0301 bar"));
  }

  @Test
  void emojiAndPunctuationAloneGiveNoTokens() {
    assertEquals(List.of(), TextTerms.tokens("😀 :-) !!! "));
  }

  @Test
  void wordNgramsJoinTokensWithOneSpace() {
    assertEquals(
        List.of("call", "me", "now", "call me", "me now", "call me now"),
        terms(new TextTerms(1, 3, 0, 0), "Call  me, NOW"));
    assertEquals(List.of("call me", "me now"), terms(new TextTerms(2, 2, 0, 0), "call me now"));
  }

  @Test
  void characterNgramsArePaddedBracketedAndNeverSplitACodePoint() {
    assertEquals(
        List.of("ab", "[ a]", "[ab]", "[b ]", "[ ab]", "[ab ]"),
        terms(new TextTerms(1, 1, 2, 3), "AB"));
    // U+1D4B3 MATHEMATICAL SCRIPT CAPITAL X is a letter outside the BMP (two chars in Java)
    assertEquals(
        List.of("\uD835\uDCB3", "[ \uD835\uDCB3]", "[\uD835\uDCB3 ]"),
        terms(new TextTerms(1, 1, 2, 2), "\uD835\uDCB3"));
  }

  private static List<String> terms(TextTerms analyzer, String text) {
    List<String> out = new ArrayList<>();
    analyzer.forEach(text, (chars, length) -> out.add(new String(chars, 0, length)));
    return out;
  }
}
