package dev.precis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Specifies `precis prep` with bank's pdays 999 ("never contacted") declared a sentinel. */
class PrepSentinelTest {
  @TempDir Path tmp;

  @Test
  void pdays999IsMissingWithItsIndicatorInEveryPartAndCountedInTheReport() throws IOException {
    Path out = tmp.resolve("prep");
    CliRun run =
        CliRun.precis(
            "prep",
            "--data",
            BankData.CSV.toString(),
            "--target",
            "y",
            "--set",
            "data.drop=[duration]",
            "--set",
            "prep.missing.tokens=[unknown]",
            "--set",
            "prep.missing.sentinels={pdays: [999]}",
            "--set",
            "prep.layout=dense",
            "--out",
            out.toString());
    assertEquals(0, run.exitCode(), run.transcript());

    int pdays = BankData.column("pdays");
    long never =
        BankData.lines().stream()
            .skip(1)
            .filter(line -> BankData.fields(line).get(pdays).equals("999"))
            .count();
    assertTrue(never > BankData.ROWS * 0.9, "most clients were never contacted: " + never);
    JsonNode report = new ObjectMapper().readTree(out.resolve("prep-report.json").toFile());
    assertEquals(never, report.path("sentinels").path("pdays").asLong());
    assertTrue(
        run.transcript().contains(String.format("pdays: %,d rows hold a sentinel", never)),
        run.transcript());

    long flagged = 0;
    Set<String> filled = new HashSet<>();
    for (String part : List.of("train.csv", "valid.csv", "test.csv")) {
      List<String> lines = Files.readAllLines(out.resolve(part));
      List<String> header = List.of(lines.get(0).split(","));
      int value = header.indexOf("pdays");
      int indicator = header.indexOf("pdays:missing");
      assertTrue(indicator > value && value >= 0, header.toString());
      for (String line : lines.subList(1, lines.size())) {
        String[] fields = line.split(",");
        double flag = Double.parseDouble(fields[indicator]);
        if (flag == 1.0) {
          flagged++;
          filled.add(fields[value]);
        } else {
          assertEquals(0.0, flag);
        }
      }
    }
    assertEquals(never, flagged, "each 999 and nothing else is flagged");
    assertEquals(1, filled.size(), "every 999 takes the one fill: " + filled);
    double fill = Double.parseDouble(filled.iterator().next());
    assertTrue(Math.abs(fill) < 3, "standardised among the contacted clients, not 999: " + fill);
  }
}
