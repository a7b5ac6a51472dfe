package dev.precis.uplift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precis.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Specifies the uplift keys' errors: one line naming the key or file and the fix, no model. */
class UpliftConfigTest {
  @TempDir static Path dir;
  static Path config;

  @BeforeAll
  static void experiment() throws IOException {
    config = UpliftFixture.config(dir, dir.resolve("experiment.csv"));
    UpliftFixture.write(dir.resolve("experiment.csv"), 7);
  }

  private static CliRun train(String... sets) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "train",
                "--config",
                config.toString(),
                "--out",
                dir.resolve("never.precis").toString()));
    for (String set : sets) {
      args.add("--set");
      args.add(set);
    }
    return CliRun.precis(args);
  }

  private static void assertError(CliRun run, int exitCode, String... fragments) {
    assertEquals(exitCode, run.exitCode(), run.transcript());
    String last = run.err().strip().lines().reduce((a, b) -> b).orElse("");
    assertTrue(last.startsWith("precis: error: "), run.transcript());
    for (String fragment : fragments) {
      assertTrue(last.contains(fragment), fragment + "\n" + run.transcript());
    }
    assertTrue(Files.notExists(dir.resolve("never.precis")), run.transcript());
  }

  @Test
  void upliftWithoutATreatmentColumnNamesTheKey() {
    assertError(
        train("data.treatment=null"), 2, "data.treatment", "is required under task: uplift");
  }

  @Test
  void treatmentKeysUnderAResponseTaskAreRefused() {
    assertError(train("task=response"), 2, "data.treatment", "set task: uplift");
  }

  @Test
  void theSameValueForBothArmsIsRefused() {
    assertError(train("data.control=mail"), 2, "data.control", "same value as data.treated");
  }

  @Test
  void aMissingTreatmentColumnIsADataErrorNamingTheNearestColumn() {
    assertError(train("data.treatment=arms"), 3, "no column 'arms' (data.treatment)", "'arm'");
  }

  @Test
  void anArmValueThatNeverOccursListsTheValuesThereAre() {
    assertError(
        train("data.treated=mial"), 3, "'mial' (data.treated)", "its values are: mail, none, sms");
  }

  @Test
  void rebalancingIsRefusedWithTheReason() {
    assertError(
        train("prep.imbalance.method=undersample"), 2, "prep.imbalance.method", "bias the uplift");
  }

  @Test
  void anOutcomeConstantInOneArmIsADataError() throws IOException {
    Path flat = dir.resolve("flat.csv");
    StringBuilder csv = new StringBuilder("id,age,segment,channel,tilted,arm,visit\n");
    for (int i = 0; i < 40; i++) {
      csv.append("r").append(i).append(',').append(20 + i).append(",A,web,0.0,");
      csv.append(i % 2 == 0 ? "mail," + (i % 4 == 0 ? 1 : 0) : "none,0").append('\n');
    }
    Files.writeString(flat, csv);
    assertError(
        train("data.path=" + flat),
        3,
        "in the arm 'none' (data.control) all 20 rows",
        "data.target 'visit'");
  }
}
