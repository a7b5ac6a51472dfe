package dev.precis.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precis.data.PiiDetector.Kind;
import org.junit.jupiter.api.Test;

/** Specifies which made-up values look personal, and that amounts, codes and dates do not. */
class PiiDetectorTest {

  @Test
  void emailAddressesAreEmail() {
    assertEquals(Kind.EMAIL, PiiDetector.kindOf("ana@example.com"));
    assertEquals(Kind.EMAIL, PiiDetector.kindOf("j.smith+news@mail.example.co.uk"));
    assertNull(PiiDetector.kindOf("@example"));
  }

  @Test
  void phoneNumbersWrittenAsSuchArePhones() {
    assertEquals(Kind.PHONE, PiiDetector.kindOf("+44 7700 900123"));
    assertEquals(Kind.PHONE, PiiDetector.kindOf("(555) 010-0199"));
    assertEquals(Kind.PHONE, PiiDetector.kindOf("07700900123"));
    assertEquals(Kind.PHONE, PiiDetector.kindOf("+15550100199"));
  }

  @Test
  void numbersAndDatesAreNotPhones() {
    assertNull(PiiDetector.kindOf("123456789"));
    assertNull(PiiDetector.kindOf("-123456789"));
    assertNull(PiiDetector.kindOf("1234567.891"));
    assertNull(PiiDetector.kindOf("0.123456789"));
    assertNull(PiiDetector.kindOf("2024-01-15"));
    assertNull(PiiDetector.kindOf("2024-01-15 10:30"));
    assertNull(PiiDetector.kindOf("999"));
  }

  @Test
  void cardNumbersPassTheLuhnCheck() {
    assertTrue(PiiDetector.luhn("4111111111111111"));
    assertTrue(PiiDetector.luhn("5500 0000 0000 0004"));
    assertFalse(PiiDetector.luhn("4111111111111112"));
    assertEquals(Kind.CARD, PiiDetector.kindOf("4111111111111111"));
    assertEquals(Kind.CARD, PiiDetector.kindOf("4111-1111-1111-1111"));
    assertEquals(Kind.CARD, PiiDetector.kindOf("378282246310005"));
    assertNull(PiiDetector.kindOf("4111111111111112"));
  }

  @Test
  void socialSecurityAndNationalInsuranceNumbersAreNationalIds() {
    assertEquals(Kind.NATIONAL_ID, PiiDetector.kindOf("078-05-1120"));
    assertEquals(Kind.NATIONAL_ID, PiiDetector.kindOf("JG 12 34 56 C"));
    assertEquals(Kind.NATIONAL_ID, PiiDetector.kindOf("AB123456D"));
    assertNull(PiiDetector.kindOf("DA123456A"), "D is not a national insurance prefix letter");
  }
}
