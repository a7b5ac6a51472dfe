package dev.precis.cli;

import static dev.precis.cli.TuneSearchTest.leaderboard;
import static dev.precis.cli.TuneSearchTest.results;
import static dev.precis.cli.TuneSearchTest.succeeded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Specifies the journal: a killed search resumed with --resume ends as an uninterrupted one. */
class TuneResumeTest {
  /** A halving search (4, 2, then 1 trial) run without interruption. */
  @TempDir static Path shared;

  private static Path whole;

  @TempDir Path tmp;

  @BeforeAll
  static void tuneWhole() {
    whole = shared.resolve("whole");
    succeeded(tune(whole));
  }

  @Test
  void aKilledSearchResumedEndsWithTheSameLeaderboardTest() throws IOException {
    Path killed = killedAfter(3);
    succeeded(tune(killed, "--resume"));
    assertEquals(results(whole), results(killed));
    assertEquals(3, leaderboard(killed).at("/stop/resumed").asInt());
    assertEquals(8, Files.readAllLines(killed.resolve("trials.jsonl")).size(), "header + 7");
  }

  @Test
  void aFreshRunOverAJournalAsksForResumeOrForceTest() throws IOException {
    Path killed = killedAfter(2);
    CliRun run = tune(killed);
    assertEquals(2, run.exitCode(), run.transcript());
    assertTrue(run.err().contains("--resume") && run.err().contains("--force"), run.err());
    succeeded(tune(killed, "--force"));
    assertEquals(0, leaderboard(killed).at("/stop/resumed").asInt());
    assertEquals(results(whole), results(killed));
  }

  @Test
  void resumingAnotherSearchsJournalIsRefusedTest() throws IOException {
    Path killed = killedAfter(2);
    CliRun run = tune(killed, "--resume", "--seed", "7");
    assertEquals(2, run.exitCode(), run.transcript());
    assertTrue(run.err().contains("another search"), run.err());
    assertFalse(Files.exists(killed.resolve("leaderboard.json")));
  }

  /** A copy of the whole search's directory as a kill leaves it: k trials and half of the next. */
  private Path killedAfter(int k) throws IOException {
    Path dir = tmp.resolve("killed");
    Files.createDirectories(dir);
    List<String> lines = Files.readAllLines(whole.resolve("trials.jsonl"));
    List<String> kept = new ArrayList<>(lines.subList(0, k + 1));
    String cut = lines.get(k + 1).substring(0, lines.get(k + 1).length() / 2);
    Files.writeString(
        dir.resolve("trials.jsonl"), String.join("\n", kept) + "\n" + cut, StandardCharsets.UTF_8);
    return dir;
  }

  private static CliRun tune(Path dir, String... extra) {
    return CliRun.tune(
        dir,
        CliRun.concat(
            List.of(
                "--strategy",
                "halving",
                "--trials",
                "4",
                "--folds",
                "2",
                "--set",
                "tune.eta=2",
                "--set",
                "tune.parallel=2"),
            extra));
  }
}
