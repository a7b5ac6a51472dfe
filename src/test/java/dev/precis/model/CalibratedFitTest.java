package dev.precis.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precis.config.ConfigException;
import dev.precis.config.EngineConfig;
import dev.precis.config.ModelConfig.Calibration;
import dev.precis.data.EncodedData;
import dev.precis.data.PipelineNeeds;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Specifies what model.calibration comes to for a model type and the rows there are. */
class CalibratedFitTest {
  private static final ModelType LOGISTIC = ModelCatalog.type("logistic");

  /** A type whose family declares its scores not to be probabilities, as a linear SVM's are not. */
  private static final ModelType MARGINS =
      new ModelType("margins", "test", List.of(), Map.of(), null, Margins::new);

  @Test
  void autoIsPlattForAFamilyWhoseScoresAreNotProbabilities() {
    assertEquals(Calibration.PLATT, CalibratedFit.method(Calibration.AUTO, MARGINS, 100));
  }

  @Test
  void autoIsNoneForAProbabilisticFamilyOrWithoutValidationRows() {
    assertEquals(Calibration.NONE, CalibratedFit.method(Calibration.AUTO, LOGISTIC, 100));
    assertEquals(Calibration.NONE, CalibratedFit.method(Calibration.AUTO, MARGINS, 0));
  }

  @Test
  void anExplicitMethodIsKeptWhateverTheFamily() {
    assertEquals(Calibration.ISOTONIC, CalibratedFit.method(Calibration.ISOTONIC, LOGISTIC, 1));
    assertEquals(Calibration.NONE, CalibratedFit.method(Calibration.NONE, MARGINS, 100));
  }

  @Test
  void anExplicitMethodWithoutValidationRowsNamesBothKeys() {
    ConfigException e =
        assertThrows(
            ConfigException.class, () -> CalibratedFit.method(Calibration.PLATT, LOGISTIC, 0));
    assertEquals("model.calibration", e.keyPath());
    assertTrue(e.getMessage().contains("prep.split.valid"), e.getMessage());
  }

  private static final class Margins implements ModelFamily<Object> {
    @Override
    public Object params(Map<String, Object> validated) {
      return validated;
    }

    @Override
    public PipelineNeeds needs() {
      return PipelineNeeds.SCALED;
    }

    @Override
    public boolean probabilistic() {
      return false;
    }

    @Override
    public ModelArtifact fit(
        EncodedData train,
        EncodedData valid,
        Object params,
        Task task,
        EngineConfig engine,
        long seed) {
      throw new UnsupportedOperationException("only its declarations are used");
    }
  }
}
