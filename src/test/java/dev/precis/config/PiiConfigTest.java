package dev.precis.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precis.PrecisException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Specifies the forms data.pii and data.pii_key take, as --set and in YAML, and their errors. */
class PiiConfigTest {
  private final ConfigLoader loader = new ConfigLoader(c -> c);

  @Test
  void eachRuleReadsFromItsForm() {
    PrecisConfig config =
        load(
            "data.pii={a: drop, b: hash, c: keep, d: {mask: domain}, e: {mask: {first: 3}},"
                + " f: {mask: {regex: '^(\\S+) '}}}",
            "data.pii_key={env: PRECIS_PII_KEY}");
    Map<String, PiiRule> pii = config.data().pii();
    assertEquals(PiiRule.Action.DROP, pii.get("a").action());
    assertEquals(PiiRule.Action.HASH, pii.get("b").action());
    assertEquals(PiiRule.Action.KEEP, pii.get("c").action());
    assertEquals(PiiRule.Mask.Kind.DOMAIN, pii.get("d").mask().kind());
    assertEquals(3, pii.get("e").mask().first());
    assertEquals("^(\\S+) ", pii.get("f").mask().regex());
    assertEquals("PRECIS_PII_KEY", config.data().piiKey().env());
  }

  @Test
  void aRuleSetOnOneColumnReadsAsTheWordItIs() {
    assertEquals(
        PiiRule.Action.DROP, load("data.pii.email=drop").data().pii().get("email").action());
  }

  @Test
  void rulesWriteBackAsTheFormsTheyWereReadFrom() throws Exception {
    PrecisConfig config = load("data.pii={d: {mask: domain}, e: {mask: {first: 3}}, a: drop}");
    String json = Mappers.json().writeValueAsString(config.data().pii());
    Map<?, ?> back = Mappers.json().readValue(json, Map.class);
    assertEquals(
        Map.of("d", Map.of("mask", "domain"), "e", Map.of("mask", Map.of("first", 3)), "a", "drop"),
        back);
  }

  @Test
  void badRulesAreConfigErrorsNamingTheForms() {
    for (String bad :
        List.of(
            "data.pii={a: scramble}",
            "data.pii={a: mask}",
            "data.pii={a: {mask: {first: 0}}}",
            "data.pii={a: {mask: {regex: '[unclosed'}}}",
            "data.pii={a: {mask: {last: 2}}}")) {
      PrecisException e = assertThrows(PrecisException.class, () -> load(bad), bad);
      assertEquals(PrecisException.USAGE, e.exitCode(), bad);
      assertTrue(e.getMessage().contains("data.pii"), e.getMessage());
      assertTrue(e.getMessage().contains("{mask: domain}"), e.getMessage());
    }
  }

  @Test
  void aKeyPlaceIsAnEnvironmentVariableOrAFileNotBoth() {
    PrecisException e =
        assertThrows(PrecisException.class, () -> load("data.pii_key={env: K, file: /tmp/k}"));
    assertTrue(e.getMessage().contains("data.pii_key"), e.getMessage());
  }

  @Test
  void theTargetCannotBePersonal() {
    PrecisException e =
        assertThrows(PrecisException.class, () -> load("data.target=y", "data.pii={y: drop}"));
    assertTrue(e.getMessage().contains("target 'y'"), e.getMessage());
  }

  private PrecisConfig load(String... assignments) {
    return loader.load(null, List.of(assignments).stream().map(ConfigOverride::parseSet).toList());
  }
}
