package dev.precis.config;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precis.PrecisException;
import dev.precis.model.ModelCatalog;
import dev.precis.model.ParamSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Specifies how the config is layered (defaults, file, --set), bound, and how its errors read. */
class ConfigLoaderTest {
  private final ConfigLoader loader = new ConfigLoader(ModelCatalog::complete);

  @TempDir Path dir;

  private Path yaml(String name, String... lines) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, String.join("\n", lines) + "\n");
    return file;
  }

  private static List<ConfigOverride> sets(String... assignments) {
    return Arrays.stream(assignments).map(ConfigOverride::parseSet).toList();
  }

  private PrecisException failure(Path file, List<ConfigOverride> overrides) {
    PrecisException e = assertThrows(PrecisException.class, () -> loader.load(file, overrides));
    assertEquals(PrecisException.USAGE, e.exitCode(), e.getMessage());
    return e;
  }

  private static void assertMentions(PrecisException e, String... parts) {
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part), "expected '" + part + "' in: " + e.getMessage());
    }
  }

  private static Map<String, Object> defaultParams(String type) {
    Map<String, Object> params = new LinkedHashMap<>();
    for (ParamSpec spec : ModelCatalog.type(type).params()) {
      params.put(spec.name(), spec.defaultValue());
    }
    return params;
  }

  // --- layering ---------------------------------------------------------------------------------

  @Test
  void defaultsAloneBindToAValidConfig() {
    PrecisConfig config = loader.load(null, List.of());
    assertAll(
        () -> assertEquals(PrecisConfig.VERSION, config.version()),
        () -> assertEquals("logistic", config.model().type()),
        () -> assertEquals("auto", config.data().delimiter()),
        () -> assertEquals(List.of(), config.data().drop()),
        () -> assertEquals(EngineConfig.Device.CPU, config.engine().device()),
        () -> assertEquals(PredictConfig.BadRows.FAIL, config.predict().badRows()));
  }

  @Test
  void defaultModelParamsAreFilledFromTheModelType() {
    PrecisConfig config = loader.load(null, List.of());
    assertEquals(defaultParams("logistic"), config.model().params());
    assertTrue(config.model().params().containsKey("epochs"));
  }

  @Test
  void changingTheModelTypeFillsThatTypesParams() {
    PrecisConfig config = loader.load(null, sets("model.type=mlp"));
    assertEquals(defaultParams("mlp"), config.model().params());
  }

  @Test
  void fileValuesOverrideDefaults() throws IOException {
    Path file =
        yaml(
            "c.yaml",
            "seed: 7",
            "eval:",
            "  threshold: 0.25",
            "model:",
            "  params:",
            "    epochs: 5");
    PrecisConfig defaults = loader.load(null, List.of());
    PrecisConfig config = loader.load(file, List.of());
    assertAll(
        () -> assertEquals(7L, config.seed()),
        () -> assertEquals(0.25, config.eval().threshold().value()),
        () -> assertEquals(5, config.model().params().get("epochs")),
        // keys the file does not name keep their defaults, also inside a section the file touches
        () -> assertEquals(defaults.eval().bins(), config.eval().bins()),
        () ->
            assertEquals(
                defaults.model().params().get("learning_rate"),
                config.model().params().get("learning_rate")));
  }

  @Test
  void setParsesAFlowListForMlpHidden() {
    PrecisConfig config =
        loader.load(
            null,
            List.of(
                ConfigOverride.parseSet("model.type=mlp"),
                ConfigOverride.parseSet("model.params.hidden=[16, 8]")));
    assertEquals(List.of(16, 8), config.model().params().get("hidden"));
  }

  @Test
  void setBeatsTheFile() throws IOException {
    Path file = yaml("c.yaml", "seed: 7", "model:", "  params:", "    epochs: 5");
    PrecisConfig config = loader.load(file, sets("model.params.epochs=12", "seed=9"));
    assertEquals(12, config.model().params().get("epochs"));
    assertEquals(9L, config.seed());
  }

  @Test
  void laterSetBeatsEarlierSet() {
    PrecisConfig config = loader.load(null, sets("eval.bins=5", "eval.bins=20"));
    assertEquals(20, config.eval().bins());
  }

  @Test
  void dataPathInAFileIsRelativeToTheFilesDirectory() throws IOException {
    Path file = yaml("configs/nested/c.yaml", "data:", "  path: ../data/customers.csv");
    PrecisConfig config = loader.load(file, List.of());
    Path expected = dir.resolve("configs/data/customers.csv").toAbsolutePath().normalize();
    assertEquals(expected, Path.of(config.data().path()).toAbsolutePath().normalize());
  }

  @Test
  void absoluteDataPathInAFileIsKept() throws IOException {
    Path data = dir.resolve("elsewhere/data.csv").toAbsolutePath();
    Path file = yaml("configs/c.yaml", "data:", "  path: '" + data + "'");
    PrecisConfig config = loader.load(file, List.of());
    assertEquals(data, Path.of(config.data().path()));
  }

  @Test
  void dataPathFromSetIsNotRewritten() throws IOException {
    Path file = yaml("configs/c.yaml", "seed: 1");
    PrecisConfig config = loader.load(file, sets("data.path=some/file.csv"));
    assertEquals("some/file.csv", config.data().path());
  }

  @Test
  void setKeysWithDotsInsideFreeFormMaps() {
    PrecisConfig config =
        loader.load(null, sets("data.types.emp.var.rate=numeric", "data.types.job=categorical"));
    assertEquals(
        Map.of("emp.var.rate", ColumnType.NUMERIC, "job", ColumnType.CATEGORICAL),
        config.data().types());
  }

  @Test
  void setAddsAGateByItsKeyPath() {
    PrecisConfig config = loader.load(null, sets("eval.gates.pr_auc=0.3"));
    assertEquals(Map.of("pr_auc", 0.3), config.eval().gates());
  }

  @Test
  void setWithAMapMergesIntoTheSectionAsAFileDoes() {
    PrecisConfig config = loader.load(null, sets("prep.split={valid: 0.2}"));
    assertEquals(0.2, config.prep().split().valid());
    assertEquals(0.15, config.prep().split().test());
  }

  @Test
  void setReachesIntoATuneSpaceRange() {
    PrecisConfig config =
        loader.load(
            null,
            sets(
                "tune.space.learning_rate={min: 0.01, max: 0.5}",
                "tune.space.learning_rate.log=true"));
    assertEquals(
        Map.of("min", 0.01, "max", 0.5, "log", true), config.tune().space().get("learning_rate"));
  }

  @Test
  void unquotedYesForATextKeyIsAnErrorThatSaysToQuoteIt() throws IOException {
    Path file = yaml("c.yaml", "data:", "  target: y", "  positive: yes");
    PrecisException e = assertThrows(PrecisException.class, () -> loader.load(file, List.of()));
    assertTrue(
        e.getMessage().contains("c.yaml:3") && e.getMessage().contains("quotes"), e.getMessage());
  }

  @Test
  void fileKeysWithDotsInsideFreeFormMaps() throws IOException {
    Path file = yaml("c.yaml", "data:", "  types:", "    emp.var.rate: categorical");
    PrecisConfig config = loader.load(file, List.of());
    assertEquals(Map.of("emp.var.rate", ColumnType.CATEGORICAL), config.data().types());
  }

  // --- errors -----------------------------------------------------------------------------------

  @Test
  void unknownKeyInAFileNamesFileLineKeyPathAndNearestKey() throws IOException {
    Path file = yaml("c.yaml", "version: 1", "data:", "  path: x.csv", "  tagret: y");
    PrecisException e = failure(file, List.of());
    assertMentions(e, file + ":4", "data.tagret", "'data.target'");
  }

  @Test
  void unknownTopLevelKeyNamesNearestKey() throws IOException {
    Path file = yaml("c.yaml", "sead: 3");
    PrecisException e = failure(file, List.of());
    assertMentions(e, file + ":1", "sead", "'seed'");
  }

  @Test
  void unknownKeyDeepInAFileNamesItsFullPath() throws IOException {
    Path file = yaml("c.yaml", "prep:", "  missing:", "    tokens: [unknown]", "    numerc: mean");
    PrecisException e = failure(file, List.of());
    assertMentions(e, file + ":4", "prep.missing.numerc", "'prep.missing.numeric'");
  }

  @Test
  void unknownKeyFromSetNamesTheSet() {
    PrecisException e = failure(null, sets("eval.threshhold=0.4"));
    assertMentions(e, "--set eval.threshhold=0.4", "eval.threshhold", "'eval.threshold'");
  }

  @Test
  void unknownModelParamNamesNearestParam() {
    PrecisException e = failure(null, sets("model.params.epoch=3"));
    assertMentions(e, "--set model.params.epoch=3", "model.params.epoch", "'epochs'");
  }

  @Test
  void wrongTypeInAFileIsExplained() throws IOException {
    Path file = yaml("c.yaml", "eval:", "  bins: many");
    PrecisException e = failure(file, List.of());
    assertMentions(e, file + ":2", "eval.bins", "'many'", "whole number");
  }

  @Test
  void wrongEnumValueListsTheChoices() {
    PrecisException e = failure(null, sets("engine.device=tpu"));
    assertMentions(e, "--set engine.device=tpu", "engine.device", "cpu", "gpu");
  }

  @Test
  void wrongColumnTypeUnderDottedColumnNameIsLocated() throws IOException {
    Path file = yaml("c.yaml", "data:", "  types:", "    emp.var.rate: numbr");
    PrecisException e = failure(file, List.of());
    assertMentions(e, file + ":3", "data.types.emp.var.rate", "numeric", "categorical");
  }

  @Test
  void sectionGivenAsScalarIsATypeError() throws IOException {
    Path file = yaml("c.yaml", "eval: 3");
    PrecisException e = failure(file, List.of());
    assertMentions(e, file + ":1", "eval");
  }

  @Test
  void wrongModelParamTypeIsExplained() {
    PrecisException e = failure(null, sets("model.params.epochs=ten"));
    assertMentions(e, "--set model.params.epochs=ten", "model.params.epochs", "whole number");
  }

  @Test
  void outOfRangeInAFileNamesFileAndLine() throws IOException {
    Path file = yaml("c.yaml", "seed: 1", "tune:", "  trials: 0");
    PrecisException e = failure(file, List.of());
    assertMentions(e, file + ":3", "tune.trials", "at least 1");
  }

  @Test
  void outOfRangeFromSetNamesTheSet() {
    PrecisException e = failure(null, sets("eval.threshold=1.5"));
    assertMentions(e, "--set eval.threshold=1.5", "eval.threshold", "between");
  }

  @Test
  void outOfRangeModelParamNamesTheSet() {
    PrecisException e = failure(null, sets("model.params.learning_rate=50"));
    assertMentions(
        e, "--set model.params.learning_rate=50", "model.params.learning_rate", "between");
  }

  @Test
  void outOfRangeHiddenLayerSize() {
    PrecisException e = failure(null, sets("model.type=mlp", "model.params.hidden=[16, 0]"));
    assertMentions(e, "--set model.params.hidden=[16, 0]", "model.params.hidden", "between");
  }

  @Test
  void splitsLeavingTooLittleToTrainAreRejected() {
    PrecisException e = failure(null, sets("prep.split.valid=0.5", "prep.split.test=0.5"));
    assertMentions(e, "prep.split");
  }

  @Test
  void version2IsRejected() throws IOException {
    Path file = yaml("c.yaml", "version: 2");
    PrecisException e = failure(file, List.of());
    assertMentions(e, file + ":1", "version", "2");
  }

  @Test
  void unknownModelTypeNamesTheNearestType() {
    PrecisException e = failure(null, sets("model.type=mpl"));
    assertMentions(e, "--set model.type=mpl", "model.type", "'mlp'");
  }

  @Test
  void setWithoutEqualsIsAUsageError() {
    PrecisException e = assertThrows(PrecisException.class, () -> ConfigOverride.parseSet("seed"));
    assertEquals(PrecisException.USAGE, e.exitCode());
    assertMentions(e, "--set seed");
  }

  @Test
  void setIntoAScalarIsAUsageError() {
    PrecisException e = failure(null, sets("seed.value=3"));
    assertMentions(e, "--set seed.value=3", "'seed'");
  }

  @Test
  void invalidYamlNamesTheFile() throws IOException {
    Path file = yaml("c.yaml", "data:", "  path: [unclosed");
    PrecisException e = failure(file, List.of());
    assertMentions(e, file.toString(), "not valid YAML");
  }

  @Test
  void missingConfigFileIsAUsageError() {
    PrecisException e = failure(dir.resolve("nope.yaml"), List.of());
    assertMentions(e, "nope.yaml", "not found");
  }
}
