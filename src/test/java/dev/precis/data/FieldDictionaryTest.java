package dev.precis.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.precis.config.ConfigLoader;
import dev.precis.config.ConfigOverride;
import dev.precis.model.ModelCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Specifies that a table read whole keeps one string per distinct value of a column, which is what
 * lets a million-row file train in a 1 GB heap (bench/train-memory.sh).
 */
class FieldDictionaryTest {
  @Test
  void repeatedValuesOfAColumnAreOneStringInTheTable() {
    var config =
        new ConfigLoader(ModelCatalog::complete)
            .load(null, List.of(ConfigOverride.parseSet("data.path=" + CsvTableTest.BANK)));
    CsvTable table = CsvTable.read(CsvTableTest.BANK, config.data());
    int job = table.columns().indexOf("job");
    String[] first = null;
    for (String[] row : table.rows()) {
      if (row[job].equals("admin.")) {
        if (first == null) {
          first = row;
        } else {
          assertSame(first[job], row[job]);
        }
      }
    }
  }

  @Test
  void sharedRowHoldsTheValuesAsRead() {
    FieldDictionary values = new FieldDictionary(2);
    String[] one = values.shared(new String[] {new String("a"), new String("1")});
    String[] two = values.shared(new String[] {new String("a"), new String("2")});
    assertArrayEquals(new String[] {"a", "1"}, one);
    assertArrayEquals(new String[] {"a", "2"}, two);
    assertSame(one[0], two[0]);
    assertNotSame(one[1], two[1]);
  }
}
