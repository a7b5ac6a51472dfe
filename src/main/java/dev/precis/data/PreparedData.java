package dev.precis.data;

/**
 * Data ready for a model: the fitted pipeline and the encoded parts of the split.
 *
 * @param pipeline fitted on {@code train} only
 * @param train rows to fit on
 * @param valid held-out rows for validation metrics (may be empty)
 * @param test held-out rows for the final test (may be empty)
 * @param unlabelled rows left out because their target was missing
 */
public record PreparedData(
    FeaturePipeline pipeline,
    EncodedData train,
    EncodedData valid,
    EncodedData test,
    long unlabelled) {

  /**
   * This data, once its training part is known to hold a responder and a non-responder: a model
   * learns nothing from one class, and a tiny file or a large holdout can leave the part so.
   *
   * @param source the file or directory the data came from, for the message
   * @throws dev.precis.PrecisException (data) when it does not
   */
  public PreparedData requireBothClasses(java.nio.file.Path source) {
    long positives = train.positives();
    long negatives = train.rows() - positives;
    if (positives > 0 && negatives > 0) {
      return this;
    }
    throw dev.precis.PrecisException.data(
        String.format(
            java.util.Locale.ROOT,
            "%s: the training part has %d responders ('%s') and %d non-responders, of %d labelled"
                + " rows; a model needs at least 1 of each to learn from: give more labelled rows,"
                + " or hold out fewer with prep.split.valid and prep.split.test",
            source,
            positives,
            pipeline.positive(),
            negatives,
            train.rows() + valid.rows() + test.rows()));
  }
}
