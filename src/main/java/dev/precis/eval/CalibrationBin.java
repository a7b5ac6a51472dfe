package dev.precis.eval;

/**
 * One equal-width bin of predicted probability in a calibration table: how many rows the model gave
 * a score in [low, high), the mean of those scores and how often those rows responded. A
 * well-calibrated model has {@code meanPredicted} close to {@code observedRate} in every bin. Plain
 * data: never throws.
 *
 * @param bin 1-based position of the bin, lowest scores first
 * @param low the bin's lower edge, inclusive
 * @param high the bin's upper edge, exclusive except for the last bin, which holds 1.0
 * @param rows rows scored within the bin
 * @param positives positive rows among them
 * @param meanPredicted mean score of the bin's rows
 * @param observedRate positives / rows
 */
public record CalibrationBin(
    int bin,
    double low,
    double high,
    long rows,
    long positives,
    double meanPredicted,
    double observedRate) {}
