package dev.precis.report;

import dev.precis.PrecisException;
import dev.precis.config.Mappers;
import java.io.IOException;

/**
 * Each input column's importance as the training run measured it, kept in the model bundle
 * (importance.json) so that eval can show the columns a model relies on (its {@code top_features})
 * without measuring them again: the train report's {@code importance} and {@code model_importance},
 * column names and figures only. Written for a response model; an uplift training measures none.
 *
 * @param schema {@link #SCHEMA}
 * @param measuredOn the rows the figures were measured on, in words: the training run's validation
 *     rows, or its training rows when it had none; never the file being evaluated
 * @param importance each column's permutation importance, as the train report's
 * @param modelImportance each column's importance by the family's own measure, as the train
 *     report's; null for a family without one
 */
public record TrainingImportance(
    String schema,
    String measuredOn,
    ImportanceSummary importance,
    FamilyImportance modelImportance) {
  public static final String SCHEMA = "precis.importance/1";

  /** The importance a training run measured, labelled with the rows it was measured on. */
  public static TrainingImportance of(
      ImportanceSummary importance, FamilyImportance modelImportance) {
    String rows = importance.rows().equals("valid") ? "validation" : importance.rows();
    return new TrainingImportance(
        SCHEMA, "the training run's " + rows + " rows", importance, modelImportance);
  }

  /** The JSON kept in the bundle. */
  public byte[] toJson() {
    try {
      return Mappers.json().writeValueAsBytes(this);
    } catch (IOException e) {
      throw new IllegalStateException("cannot serialise the importance", e);
    }
  }

  /**
   * Reads what {@link #toJson} wrote.
   *
   * @param bundle the bundle's path, for the message
   * @throws PrecisException (data) when the bytes are not importance that Precis writes
   */
  public static TrainingImportance read(byte[] json, String bundle) {
    TrainingImportance read;
    try {
      read = Mappers.json().readValue(json, TrainingImportance.class);
    } catch (IOException | RuntimeException e) {
      throw unreadable(bundle, e);
    }
    if (!SCHEMA.equals(read.schema()) || read.importance() == null) {
      throw unreadable(bundle, null);
    }
    return read;
  }

  private static PrecisException unreadable(String bundle, Exception cause) {
    return PrecisException.data(
        bundle + ": its importance.json is not what this Precis writes; train the model again",
        cause);
  }
}
