package dev.precis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Specifies the top-level task key: response by default, uplift, and nothing else. */
class TaskConfigTest {
  @TempDir Path dir;

  @Test
  void taskIsResponseByDefault() {
    CliRun run =
        CliRun.train(
            BankData.CSV.toString(), dir.resolve("never.precis").toString(), "--print-config");
    assertEquals(0, run.exitCode(), run.transcript());
    assertTrue(run.out().contains("\ntask: response\n"), run.transcript());
  }

  @Test
  void unknownTaskInTheConfigFileIsAConfigErrorNamingTheKeyAndLine() throws IOException {
    Path config = Files.writeString(dir.resolve("numeric.yaml"), "seed: 1\ntask: numeric\n");
    CliRun run =
        CliRun.train(
            BankData.CSV.toString(),
            dir.resolve("never.precis").toString(),
            "--config",
            config.toString());
    assertEquals(2, run.exitCode(), run.transcript());
    assertTrue(
        run.err().contains("numeric.yaml:2: task: 'numeric' is not one of: response, uplift"),
        run.transcript());
    assertTrue(Files.notExists(dir.resolve("never.precis")), run.transcript());
  }
}
