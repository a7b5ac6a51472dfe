package dev.precis.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.precis.PrecisException;
import dev.precis.config.Mappers;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shipped sentence encoder (prep.text.embed: minilm) and its pipeline step: vectors of 384
 * finite numbers that put close meanings close, one vector per text whatever the row, and a
 * pipeline.json that names encoder, model and release and refuses what this Precis cannot apply.
 */
class MiniLmTest {
  private static final MissingValues MISSING = new MissingValues(List.of("NA"));

  @Test
  void aTextBecomes384FiniteNumbersOfUnitLength() {
    for (String text : List.of("Free entry in 2 a wkly comp", "ok lar... joking wif u oni", "ü")) {
      float[] vector = MiniLm.embed(text);
      assertEquals(384, vector.length);
      double norm = 0;
      for (float x : vector) {
        assertTrue(Float.isFinite(x), text);
        norm += x * x;
      }
      assertEquals(1.0, Math.sqrt(norm), 1e-3, text);
    }
  }

  /**
   * DJL's tokenizer reads the EC2 metadata address and sends telemetry unless told it is offline
   * (seen with strace before these were set): Precis must never touch the network.
   */
  @Test
  void theTokenizerIsToldItIsOffline() {
    MiniLm.embed("any text");
    assertEquals("true", System.getProperty("ai.djl.offline"));
    assertEquals("true", System.getProperty("OPT_OUT_TRACKING"));
  }

  @Test
  void identicalTextsGetIdenticalVectors() {
    String text = "Call now to claim your prize";
    // another String of the same text, so that the cache is not the only reason they agree
    assertArrayEquals(MiniLm.embed(text), MiniLm.embed(new String(text.toCharArray())));
    float[] vector = MiniLm.embed(text);
    double[] features = encode(step(false), "Call now to claim your prize");
    for (int d = 0; d < 384; d++) {
      assertEquals(vector[d], features[d], 0.0);
    }
  }

  @Test
  void closeMeaningsAreMoreSimilarThanUnrelatedOnes() {
    float[] cat = MiniLm.embed("The cat is sleeping on the sofa");
    float[] kitten = MiniLm.embed("A kitten naps on the couch");
    float[] taxes = MiniLm.embed("Quarterly tax returns are due at the end of April");
    assertTrue(
        cosine(cat, kitten) > cosine(cat, taxes) + 0.2,
        cosine(cat, kitten) + " vs " + cosine(cat, taxes));
  }

  @Test
  void aMissingTextHasNoFeaturesAndShiftedNumbersAreNonNegative() {
    assertArrayEquals(new double[384], encode(step(true), "NA"));
    double[] row = encode(step(true), "Win a free holiday");
    float[] vector = MiniLm.embed("Win a free holiday");
    for (int d = 0; d < 384; d++) {
      assertTrue(row[d] >= 0 && row[d] <= 1);
      assertEquals((vector[d] + 1.0) / 2, row[d], 1e-12);
    }
  }

  @Test
  void pipelineJsonNamesTheEncoderAndRoundTrips() throws JsonProcessingException {
    FeaturePipeline pipeline =
        new FeaturePipeline("label", "spam", null, List.of(), List.of(step(false)));
    String json = Mappers.json().writeValueAsString(pipeline);
    assertTrue(
        json.contains("\"step\" : \"text_embedding\"")
            && json.contains("\"encoder\" : \"minilm\"")
            && json.contains("\"version\" : \"" + MiniLm.version() + "\""),
        json);
    FeaturePipeline back = Mappers.json().readValue(json, FeaturePipeline.class);
    assertEquals(pipeline, back);
    assertEquals("message:minilm:0", back.featureNames().get(0));
    assertEquals("message:minilm:383", back.featureNames().get(383));
  }

  @Test
  void anUnknownEncoderOrAnotherReleaseIsRefused() throws JsonProcessingException {
    String json =
        Mappers.json()
            .writeValueAsString(
                new FeaturePipeline("label", "spam", null, List.of(), List.of(step(false))));
    JsonProcessingException unknown =
        assertThrows(
            JsonProcessingException.class,
            () ->
                Mappers.json()
                    .readValue(json.replace("\"minilm\"", "\"bert\""), FeaturePipeline.class));
    assertTrue(
        Mappers.problem(unknown).contains("embeds column 'message' with bert")
            && Mappers.problem(unknown).contains("this Precis knows minilm"),
        Mappers.problem(unknown));
    EmbeddingStep older =
        new EmbeddingStep("message", "minilm", MiniLm.MODEL, "0.27.1", 384, false);
    PrecisException e =
        assertThrows(PrecisException.class, () -> older.encoder(new int[] {0}, 0, MISSING));
    assertEquals(PrecisException.DATA, e.exitCode());
    assertTrue(e.getMessage().contains("0.27.1, but this Precis ships"), e.getMessage());
  }

  private static EmbeddingStep step(boolean shifted) {
    return new EmbeddingStep("message", "minilm", MiniLm.MODEL, MiniLm.version(), 384, shifted);
  }

  private static double[] encode(EmbeddingStep step, String text) {
    SparseRows rows = new SparseRows(384);
    step.encoder(new int[] {0}, 0, MISSING).encode(new String[] {text}, rows);
    rows.endRow();
    double[] row = new double[384];
    rows.dense(0, row);
    return row;
  }

  private static double cosine(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    return dot / Math.sqrt(na * nb);
  }
}
