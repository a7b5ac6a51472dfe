package dev.precis.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precis.PrecisException;
import dev.precis.eval.Gates;
import dev.precis.model.ModelCatalog;
import dev.precis.tune.SearchSpace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Specifies --set as typed on a command line: YAML flow maps written without a space after the
 * colon, and errors that blame the --set that introduced the bad key.
 */
class SetOverrideTest {
  private final ConfigLoader loader =
      new ConfigLoader(c -> SearchSpace.validate(Gates.validate(ModelCatalog.complete(c))));

  @TempDir Path dir;

  // --- flow maps without a space after the colon ------------------------------------------------

  @Test
  void flowMapWithoutASpaceAfterTheColonReadsAsKeyAndValue() {
    PrecisConfig config = load("data.types={age:categorical}");
    assertEquals(Map.of("age", ColumnType.CATEGORICAL), config.data().types());
  }

  @Test
  void flowMapWithoutSpacesReadsEveryEntry() {
    PrecisConfig config = load("data.types={age:categorical,campaign:numeric}");
    assertEquals(
        Map.of(
            "age", ColumnType.CATEGORICAL,
            "campaign", ColumnType.NUMERIC),
        config.data().types());
  }

  @Test
  void flowMapWithoutASpaceKeepsNumbersNumbers() {
    assertEquals(0.2, load("prep.split={valid:0.2}").prep().split().valid());
  }

  @Test
  void quotedKeyWithAColonStaysOneKey() {
    PrecisConfig config = load("data.types={\"a:b\": categorical}");
    assertEquals(Map.of("a:b", ColumnType.CATEGORICAL), config.data().types());
  }

  @Test
  void entryWithTwoColonsAndNoSpaceSaysToAddTheSpace() {
    PrecisException e = failure(null, "data.types={a:b:c}");
    assertMentions(e, "--set data.types={a:b:c}", "'a:b:c'", "space after the colon");
  }

  @Test
  void unbalancedFlowMapIsOneLineNamingTheSet() {
    PrecisException e = failure(null, "data.types={age:categorical");
    assertMentions(e, "--set data.types={age:categorical", "not a valid YAML list or map");
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
  }

  // --- unknown keys are blamed on the --set that introduced them --------------------------------

  @Test
  void unknownKeyFromSetNamesTheSet() {
    assertMentions(failure(null, "data.tagret=y"), "--set data.tagret=y: data.tagret");
  }

  @Test
  void unknownKeyInsideASetMapNamesTheSet() {
    assertMentions(failure(null, "data={tagret: y}"), "--set data={tagret: y}: data.tagret");
  }

  @Test
  void unknownSectionOnTheWayToASetKeyNamesTheSet() {
    assertMentions(
        failure(null, "model.param.epochs=30"),
        "--set model.param.epochs=30: model.param",
        "'model.params'");
  }

  @Test
  void unknownSectionFromSetNamesTheSetNotTheFileThatHasItsParent() throws IOException {
    Path file = yaml("version: 1", "model:", "  type: logistic");
    assertMentions(
        failure(file, "model.param.epochs=30"), "--set model.param.epochs=30: model.param");
  }

  @Test
  void keySetInsideASetMapNamesTheSetNotTheFileLine() throws IOException {
    Path file = yaml("version: 1", "data:", "  positive: \"yes\"");
    assertMentions(failure(file, "data={positive: yes}"), "--set data={positive: yes}: ");
  }

  // --- another model type than the config file's ---------------------------------------------

  @Test
  void paramsOfTheFilesModelTypeAreAnErrorSayingHowToClearThem() {
    PrecisException e = failure(Path.of("sample-data/bank/bank.yaml"), "model.type=xgboost");
    assertTrue(
        e.getMessage().contains("model.params.epochs")
            && e.getMessage().contains("--set 'model.params={}'"),
        e.getMessage());
  }

  @Test
  void anEmptyMapClearsTheSectionInsteadOfAddingNothingToIt() {
    PrecisConfig config =
        loader.load(
            Path.of("sample-data/bank/bank.yaml"), sets("model.type=xgboost", "model.params={}"));
    assertEquals(1000, config.model().params().get("rounds"));
    assertFalse(config.model().params().containsKey("epochs"));
  }

  private PrecisConfig load(String... assignments) {
    return loader.load(null, sets(assignments));
  }

  private PrecisException failure(Path file, String... assignments) {
    PrecisException e =
        assertThrows(PrecisException.class, () -> loader.load(file, sets(assignments)));
    assertEquals(PrecisException.USAGE, e.exitCode(), e.getMessage());
    return e;
  }

  private static List<ConfigOverride> sets(String... assignments) {
    return Arrays.stream(assignments).map(ConfigOverride::parseSet).toList();
  }

  private Path yaml(String... lines) throws IOException {
    return Files.writeString(dir.resolve("c.yaml"), String.join("\n", lines) + "\n");
  }

  private static void assertMentions(PrecisException e, String... parts) {
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part), "expected '" + part + "' in: " + e.getMessage());
    }
  }
}
