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
    long unlabelled) {}
