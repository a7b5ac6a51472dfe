package dev.precis.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Specifies strict number parsing: exactly Double.parseDouble on finite decimals, NaN for anything
 * else.
 */
class NumbersTest {

  private static void assertSameAsParseDouble(String text) {
    double expected = Double.parseDouble(text);
    double actual = Numbers.parseOrNaN(text);
    if (Double.isInfinite(expected)) {
      assertTrue(Double.isNaN(actual), text + " overflows, so it is not a finite number");
    } else {
      assertEquals(
          Double.doubleToRawLongBits(expected),
          Double.doubleToRawLongBits(actual),
          () -> text + ": parseDouble " + expected + ", parseOrNaN " + actual);
    }
  }

  /**
   * A random decimal: sign, integer and fraction digits of varied lengths, maybe leading zeros and
   * an exponent.
   */
  private static String randomDecimal(Random random, boolean withExponent) {
    StringBuilder text = new StringBuilder();
    switch (random.nextInt(4)) {
      case 0 -> text.append('-');
      case 1 -> text.append('+');
      default -> {}
    }
    int intDigits = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(random.nextBoolean() ? 6 : 20);
    int fracDigits = random.nextInt(3) == 0 ? 0 : random.nextInt(random.nextBoolean() ? 6 : 28);
    if (intDigits == 0 && fracDigits == 0) {
      intDigits = 1;
    }
    boolean leadingZeros = random.nextInt(6) == 0;
    for (int i = 0; i < intDigits; i++) {
      text.append(leadingZeros && i < 3 ? '0' : (char) ('0' + random.nextInt(10)));
    }
    if (fracDigits > 0 || (intDigits > 0 && random.nextInt(10) == 0)) {
      text.append('.');
    }
    boolean smallFraction = random.nextInt(4) == 0;
    for (int i = 0; i < fracDigits; i++) {
      text.append(smallFraction && i < fracDigits / 2 ? '0' : (char) ('0' + random.nextInt(10)));
    }
    if (withExponent) {
      text.append(random.nextBoolean() ? 'e' : 'E');
      switch (random.nextInt(3)) {
        case 0 -> text.append('-');
        case 1 -> text.append('+');
        default -> {}
      }
      text.append(random.nextInt(random.nextBoolean() ? 10 : 330));
    }
    return text.toString();
  }

  /** An exponent, or more than 15 digits after the leading zeros. */
  private static boolean takesTheGeneralPath(String text) {
    int significant = 0;
    boolean leading = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == 'e' || c == 'E') {
        return true;
      }
      if (c >= '0' && c <= '9') {
        leading &= c == '0';
        if (!leading) {
          significant++;
        }
      }
    }
    return significant > 15;
  }

  @Test
  void equalsParseDoubleBitForBitOnRandomDecimals() {
    Random random = new Random(20240601L);
    int general = 0;
    for (int i = 0; i < 100_000; i++) {
      String text = randomDecimal(random, random.nextInt(5) == 0);
      if (text.length() > 64) {
        continue;
      }
      if (takesTheGeneralPath(text)) {
        general++;
      }
      assertSameAsParseDouble(text);
    }
    assertTrue(general > 10_000, "the general path was exercised " + general + " times");
  }

  @Test
  void equalsParseDoubleOnEveryShortPlainDecimal() {
    Random random = new Random(5);
    for (int i = 0; i < 20_000; i++) {
      long mantissa = random.nextLong() % 1_000_000_000_000_000L;
      String digits = Long.toString(Math.abs(mantissa));
      int point = random.nextInt(digits.length() + 1);
      String text =
          (mantissa < 0 ? "-" : "") + digits.substring(0, point) + "." + digits.substring(point);
      assertSameAsParseDouble(text);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0",
        "-0",
        "-0.0",
        "+0",
        "0.",
        ".0",
        "1.",
        ".5",
        "-.5",
        "+.5",
        "007",
        "0.1",
        "0.3",
        "123456789012345",
        "1234567890123456",
        "12345678901234567890",
        "0.1234567890123456789",
        "0.0000000000000000000001",
        "0.00000000000000000000001",
        "9007199254740993",
        "2.2250738585072011e-308",
        "4.9e-324",
        "1.7976931348623157e308",
        "1e22",
        "1e23",
        "1E5",
        "1e+5",
        "1e-5",
        "-1.5E-3",
        "5e-324"
      })
  void equalsParseDoubleOnEdgeCases(String text) {
    assertSameAsParseDouble(text);
  }

  @Test
  void negativeZeroKeepsItsSign() {
    assertEquals(
        Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(Numbers.parseOrNaN("-0")));
    assertEquals(
        Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(Numbers.parseOrNaN("-0.000")));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "-",
        "+",
        ".",
        "+.",
        "-.",
        "1e",
        "1e+",
        "e5",
        ".e1",
        "NaN",
        "-NaN",
        "Infinity",
        "-Infinity",
        "+Infinity",
        "0x10",
        "0x1p3",
        "1,5",
        "1,000",
        " 12",
        "12 ",
        "1 2",
        "\t12",
        "12\n",
        "1d",
        "1f",
        "1D",
        "1F",
        "--1",
        "+-1",
        "1-",
        "1.2.3",
        "1e5.5",
        "1e5e5",
        "1_000",
        "abc",
        "unknown",
        "١٢",
        "１２"
      })
  void rejectsWhatIsNotAPlainFiniteDecimal(String text) {
    assertTrue(
        Double.isNaN(Numbers.parseOrNaN(text)),
        () -> "'" + text + "' gave " + Numbers.parseOrNaN(text));
    assertFalse(Numbers.isNumber(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e309", "-1e400", "9e999"})
  void rejectsNumbersThatOverflow(String text) {
    assertTrue(Double.isNaN(Numbers.parseOrNaN(text)));
  }

  @Test
  void isNumberAcceptsDecimals() {
    assertTrue(Numbers.isNumber("42"));
    assertTrue(Numbers.isNumber("-1.8"));
    assertTrue(Numbers.isNumber("4.857e3"));
  }
}
