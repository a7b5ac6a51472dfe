package dev.precis.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Specifies the term table: numbers in the order added, found by characters, through growth. */
class TermTableTest {

  @Test
  void numbersTermsInTheOrderAddedAndFindsThemByTheirCharacters() {
    TermTable table = new TermTable(16);
    Map<String, Integer> expected = new HashMap<>();
    // enough terms to grow every array several times, with short, long and non-ASCII ones
    for (int i = 0; i < 20_000; i++) {
      String term = (i % 3 == 0 ? "café " : "t") + Integer.toString(i, 7) + "x".repeat(i % 40);
      int id = table.add(term.toCharArray(), term.length());
      expected.putIfAbsent(term, expected.size());
      assertEquals(expected.get(term), id, term);
      // adding again changes nothing
      assertEquals(id, table.add(term.toCharArray(), term.length()));
    }
    assertEquals(expected.size(), table.size());
    expected.forEach(
        (term, id) -> {
          char[] buffer = (term + "tail").toCharArray();
          assertEquals(id, table.find(buffer, term.length()), term);
          assertEquals(term, table.term(id));
        });
  }

  @Test
  void findsNothingForATermNotAddedNorForAPrefixOrExtension() {
    TermTable table = new TermTable(16);
    table.add("call now".toCharArray(), 8);
    assertEquals(0, table.find("call now".toCharArray(), 8));
    assertEquals(-1, table.find("call now".toCharArray(), 4));
    assertEquals(-1, table.find("call nowx".toCharArray(), 9));
    assertEquals(-1, table.find("".toCharArray(), 0));
    assertEquals(1, table.add("".toCharArray(), 0));
    assertEquals(1, table.find(new char[3], 0));
  }
}
