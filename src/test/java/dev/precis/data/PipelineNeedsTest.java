package dev.precis.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.precis.config.ConfigLoader;
import dev.precis.config.ConfigOverride;
import dev.precis.config.PrecisConfig;
import dev.precis.model.ModelCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Specifies that the pipeline is fitted for what the model family needs. */
class PipelineNeedsTest {
  private static final PrecisConfig BANK =
      new ConfigLoader(ModelCatalog::complete)
          .load(
              null,
              List.of(
                  ConfigOverride.parseSet("data.path=sample-data/bank/bank-additional.csv"),
                  ConfigOverride.parseSet("data.target=y"),
                  ConfigOverride.parseSet("prep.missing.tokens=[unknown]")));

  private static NumericStep age(PipelineNeeds needs) {
    Preparation.Source source = Preparation.Source.read(BANK, needs);
    return source.fit(source.splits().train()).steps().stream()
        .filter(step -> step instanceof NumericStep numeric && numeric.name().equals("age"))
        .map(NumericStep.class::cast)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void familyThatWantsScaledNumbersGetsThemScaledAsPrepSays() {
    NumericStep age = age(PipelineNeeds.SCALED);
    assertNotEquals(0.0, age.center());
    assertNotEquals(1.0, age.scale());
  }

  @Test
  void familyThatTakesRawNumbersGetsThemUnscaledWhateverPrepSays() {
    NumericStep age = age(PipelineNeeds.RAW);
    assertEquals(0.0, age.center());
    assertEquals(1.0, age.scale());
  }
}
