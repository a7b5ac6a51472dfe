package dev.precis.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precis.config.ConfigLoader;
import dev.precis.config.ConfigOverride;
import dev.precis.config.PrecisConfig;
import dev.precis.model.ModelCatalog;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Specifies that a text step counts its terms on engine.threads threads and keeps the same
 * vocabulary and idf whatever their number, on the SMS training file (sample-data/sms).
 */
class TextStepThreadsTest {
  private static final Path SMS = Path.of("sample-data/sms");

  private static TextStep fit(String maxFeatures, int threads) {
    PrecisConfig config =
        new ConfigLoader(ModelCatalog::complete)
            .load(
                SMS.resolve("sms.yaml"),
                List.of(ConfigOverride.parseSet("prep.text.max_features=" + maxFeatures)));
    CsvTable table = CsvTable.read(SMS.resolve("train.tsv"), config.data());
    int[] rows = IntStream.range(0, table.rowCount()).toArray();
    TrainingColumn column =
        new TrainingColumn(
            table,
            table.indexOf("text", "data.types"),
            rows,
            new MissingValues(List.of()),
            null,
            0,
            false,
            threads);
    return TextStep.fit(column, config.prep(), PipelineNeeds.SCALED);
  }

  @Test
  void keepsTheSameTermsAndIdfOnOneTwoAndThreeThreads() {
    TextStep one = fit("100000", 1);
    assertTrue(one.terms().size() > 1000, one.toString());
    assertEquals(one, fit("100000", 2));
    assertEquals(one, fit("100000", 3));
  }

  @Test
  void cutsTheVocabularyTheSameWayOnTwoThreads() {
    // a cut to the terms found in most rows breaks ties by term: the counts must add up exactly
    TextStep one = fit("300", 1);
    assertEquals(300, one.terms().size());
    assertEquals(one, fit("300", 2));
  }
}
