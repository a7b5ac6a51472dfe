package dev.precis.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precis.config.DataConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Specifies the columnar table: each column holds codes into its distinct values (or, past {@value
 * TableColumn#LIMIT} of them, each row's string), and every field reads back exactly as the file
 * has it. This is what lets a million-row file train in a 1 GB heap (bench/memory.sh).
 */
class TableColumnTest {
  private static DataConfig bank() {
    return CsvTableTest.bankConfig().data();
  }

  @Test
  void everyFieldReadsBackAsTheFileHasIt() {
    DataConfig config = bank();
    CsvTable table = CsvTable.read(CsvTableTest.BANK, config);
    int[] row = {0};
    try (CsvHead head = CsvHead.open(CsvTableTest.BANK, config)) {
      head.forEachRow(
          (fields, line) -> {
            assertEquals(line, table.lines()[row[0]]);
            for (int c = 0; c < fields.length; c++) {
              assertEquals(fields[c], table.value(row[0], c), "row " + row[0] + " column " + c);
            }
            row[0]++;
          });
    }
    assertEquals(row[0], table.rowCount());
  }

  @Test
  void aColumnIsCodedIntoItsDistinctValues() {
    CsvTable table = CsvTable.read(CsvTableTest.BANK, bank());
    TableColumn job = table.column(table.columns().indexOf("job"));
    assertEquals(12, job.levelCount());
    for (int r = 0; r < job.size(); r++) {
      assertSame(job.level(job.code(r)), job.value(r));
    }
  }

  @Test
  void repeatedValuesOfAColumnAreOneStringInTheTable() {
    CsvTable table = CsvTable.read(CsvTableTest.BANK, bank());
    int job = table.columns().indexOf("job");
    String first = null;
    for (int r = 0; r < table.rowCount(); r++) {
      String value = table.value(r, job);
      if (value.equals("admin.")) {
        if (first == null) {
          first = value;
        } else {
          assertSame(first, value);
        }
      }
    }
  }

  @Test
  void codesWidenPastAByteAndValuesStayAsRead() {
    TableColumn column = column(1000, r -> "v" + (r % 300));
    assertEquals(300, column.levelCount());
    for (int r = 0; r < 1000; r++) {
      assertEquals("v" + (r % 300), column.value(r));
    }
  }

  @Test
  void aColumnWithTooManyDistinctValuesKeepsEachRowsString() {
    int rows = TableColumn.LIMIT + 10;
    TableColumn column = column(rows, r -> "id" + r);
    assertEquals(rows, column.levelCount());
    for (int r = 0; r < rows; r++) {
      assertEquals("id" + r, column.value(r));
    }
  }

  @Test
  void aLevelsNumberIsItsStrippedValueParsed() {
    TableColumn column = column(6, r -> List.of(" 1.5", "2", "x", "", "2", " 1.5").get(r));
    assertEquals(4, column.levelCount());
    assertEquals(1.5, column.number(column.code(0)));
    assertEquals(2.0, column.number(column.code(4)));
    assertTrue(Double.isNaN(column.number(column.code(2))));
    assertTrue(Double.isNaN(column.number(column.code(3))));
  }

  private static TableColumn column(int rows, java.util.function.IntFunction<String> value) {
    TableColumn.Builder builder = new TableColumn.Builder();
    for (int r = 0; r < rows; r++) {
      builder.add(value.apply(r));
    }
    return builder.build();
  }
}
