package dev.precis.eval;

/**
 * One quantile bin of the rows sorted by score, best first (a gains or lift table row). Plain data:
 * never throws.
 *
 * @param bin 1-based position of the bin among all requested bins
 * @param rows rows in this bin
 * @param positives positive rows in this bin
 * @param responseRate positives / rows of this bin
 * @param lift responseRate / the overall positive rate
 * @param cumulativeLift positive rate of this bin and all better ones, over the overall positive
 *     rate
 * @param cumulativeCapture positives in this bin and all better ones, over all positives
 * @param minScore lowest score in this bin
 * @param maxScore highest score in this bin
 */
public record GainsBin(
    int bin,
    long rows,
    long positives,
    double responseRate,
    double lift,
    double cumulativeLift,
    double cumulativeCapture,
    double minScore,
    double maxScore) {}
