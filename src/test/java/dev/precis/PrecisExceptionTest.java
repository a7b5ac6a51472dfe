package dev.precis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** Specifies that an error message is always one printable line, whatever value it quotes. */
class PrecisExceptionTest {

  @Test
  void aMessageWithoutControlCharactersIsKeptAsItIs() {
    String message = "bank.csv:6: column 'age' is numeric but holds 'abc'";
    assertSame(message, PrecisException.data(message).getMessage());
  }

  @Test
  void controlCharactersQuotedFromAFileAreEscaped() {
    PrecisException e = PrecisException.data("bank.csv:2496: this row has '3\t\r\n'");
    assertEquals("bank.csv:2496: this row has '3\\t\\r\\n'", e.getMessage());
  }

  @Test
  void nulAndFormatCharactersAreWrittenAsUnicodeEscapes() {
    PrecisException e = PrecisException.usage("x\u0000y\uFEFFz");
    assertEquals("x\\u0000y\\ufeffz", e.getMessage());
  }
}
