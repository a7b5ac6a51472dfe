package dev.precis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Specifies the run bin/precis records its class-data archive from: each of its commands succeeds
 * on the bundled sample data, so that the archive holds the classes of every one of them.
 */
class ClassArchiveRunTest {
  @Test
  void everyCommandSucceedsOnTheSampleData(@TempDir Path scratch) {
    assertEquals(List.of(), ClassArchiveRun.run(Path.of("sample-data"), scratch));
    for (String written : List.of("prep/train.csv", "bank.precis", "eval.json", "scores.csv")) {
      assertTrue(Files.isRegularFile(scratch.resolve(written)), written);
    }
    assertTrue(Files.isRegularFile(scratch.resolve("sms.precis")));
  }
}
