package dev.precis.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.precis.config.Mappers;
import dev.precis.config.PrecisConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Specifies that pipeline.json files written before the missing-value strategies and numeric
 * transforms existed still read as the steps they were, and that the default settings fit exactly
 * those steps again (see fixtures/SOURCE.md).
 */
class PipelineFormat2FixtureTest {
  private static final Path FIXTURES = Path.of("src/test/resources/fixtures/pipelines-0.2");

  @ParameterizedTest
  @CsvSource({"logistic, SCALED, false", "naive-bayes, NON_NEGATIVE, false", "xgboost, RAW, true"})
  void anEarlierPipelineReadsAndTheDefaultsFitItAgainByteForByte(
      String type, PipelineNeeds.Numbers numbers, boolean missingAsAbsent) throws IOException {
    String written = Files.readString(FIXTURES.resolve(type + ".json"));
    FeaturePipeline earlier = Mappers.json().readValue(written, FeaturePipeline.class);

    PrecisConfig config =
        CsvTableTest.bankConfig(
            "data.target=y", "data.drop=[duration]", "prep.missing.tokens=[unknown]");
    PipelineNeeds needs = new PipelineNeeds(numbers, missingAsAbsent);
    Preparation.Source source = Preparation.Source.read(config, needs);
    FeaturePipeline now = source.fit(source.splits().train());

    assertEquals(earlier, now);
    assertEquals(written.strip(), Mappers.json().writeValueAsString(now).strip());
  }
}
