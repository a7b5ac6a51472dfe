package dev.precis.model;

import java.util.List;

/**
 * The rows of one block of a file, scored.
 *
 * @param ids each row's id, or null when the file has no id column
 * @param scores each row's probability of a response
 * @param labels each row's label (1 = positive), or null when labels were not asked for
 * @param labelValues how many rows hold each target value, or null when labels were not asked for
 * @param lines the physical line each row starts on
 * @param rows how many rows were scored (the arrays may be longer)
 * @param skipped lines of rows that could not be scored, with why (only under bad_rows: skip)
 * @param unseenLevels categorical values met that training had not seen, per column with any
 * @param segments each row's value of the segment column (eval --by), null for a missing one; the
 *     array is null when no segment column was asked for
 * @param reasons each row's strongest reasons, or null when not asked for
 * @param drift the rows counted per feature in its training bins, or null when not asked for
 * @param treated under an uplift model with arm probabilities, each row's probability of the
 *     outcome if treated (its score is the uplift); null otherwise
 * @param control likewise, the probability if not treated
 */
public record ScoredBlock(
    String[] ids,
    double[] scores,
    boolean[] labels,
    dev.precis.data.LabelTally labelValues,
    long[] lines,
    int rows,
    List<String> skipped,
    java.util.Map<String, Long> unseenLevels,
    String[] segments,
    String[][] reasons,
    dev.precis.data.FeatureTally drift,
    double[] treated,
    double[] control) {}
