package dev.precis.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.precis.config.Mappers;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * The prior-shift correction, prior-shift.json: a model fitted on rebalanced rows (prep.imbalance)
 * learned odds of a response {@code 1 / oddsRatio} times the true odds, and this maps each score p
 * back to the true base rate: p' = p r / (p r + 1 - p), r being {@code oddsRatio}. It keeps the
 * order of the scores, so AUC and lift are unchanged; calibration metrics (log loss, ECE) are what
 * it mends.
 *
 * @param name its entry in the bundle
 * @param oddsRatio the true odds of a positive over the odds in the rows the model was fitted on
 */
public record PriorShiftArtifact(String name, double oddsRatio) implements ScoreMapping {
  public static final String KIND = "prior-shift";

  /** Its name in the bundle. */
  public static final String NAME = "prior-shift.json";

  /**
   * @throws IllegalArgumentException when the ratio is not positive and finite
   */
  public PriorShiftArtifact {
    if (!(oddsRatio > 0 && Double.isFinite(oddsRatio))) {
      throw new IllegalArgumentException("a prior shift needs a positive odds ratio: " + oddsRatio);
    }
  }

  /**
   * The model followed by the correction its fit asks for: none when the rows were not rebalanced
   * (a ratio of 1) or prep.imbalance.correct is false.
   *
   * @param oddsRatio see {@link dev.precis.data.Rebalancing.Rebalanced#oddsRatio}
   */
  public static List<ModelArtifact> following(
      ModelArtifact model, double oddsRatio, boolean correct) {
    return !correct || oddsRatio == 1
        ? List.of(model)
        : List.of(model, new PriorShiftArtifact(NAME, oddsRatio));
  }

  record Saved(double oddsRatio) {}

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public void save(OutputStream out) throws IOException {
    out.write(Mappers.json().writeValueAsBytes(new Saved(oddsRatio)));
  }

  @Override
  public Scorer applied(Scorer model) {
    return (rows, n, scores) -> {
      model.score(rows, n, scores);
      for (int r = 0; r < n; r++) {
        scores[r] = corrected(scores[r]);
      }
    };
  }

  /** The score of a model fitted on the rebalanced rows, at the true base rate. */
  public double corrected(double score) {
    // a model's score may stray past 1 in its last bit (a softmax's rounding), which 1 - p turns
    // into a negative weight and a corrected score above 1
    double p = Math.min(Math.max(score, 0), 1);
    double shifted = p * oddsRatio;
    return p == 0 ? 0 : shifted / (shifted + (1 - p));
  }

  /**
   * Reads a correction saved by {@link #save}.
   *
   * @throws IOException when the bytes are not one
   */
  static PriorShiftArtifact load(String name, byte[] bytes) throws IOException {
    try {
      return new PriorShiftArtifact(name, Mappers.json().readValue(bytes, Saved.class).oddsRatio());
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new IOException("not a prior-shift correction: " + e.getMessage(), e);
    }
  }
}
