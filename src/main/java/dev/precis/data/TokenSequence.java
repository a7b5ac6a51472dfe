package dev.precis.data;

/**
 * Where a text column's tokens lie among the features, when the pipeline gives texts as sequences
 * (see {@link SequenceStep}): features {@code first} to {@code first + length - 1} hold the tokens'
 * vocabulary indices in order, and a row's sequence ends at its first absent feature.
 *
 * @param column the text column
 * @param first the index of the feature holding the first token
 * @param length the most tokens a row holds
 */
public record TokenSequence(String column, int first, int length) {}
