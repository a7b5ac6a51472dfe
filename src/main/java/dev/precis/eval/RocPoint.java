package dev.precis.eval;

/**
 * One point of a ROC curve. Plain data: never throws.
 *
 * @param fpr false positive rate: negatives scored at or above the cutoff, over all negatives
 * @param tpr true positive rate: positives scored at or above the cutoff, over all positives
 */
public record RocPoint(double fpr, double tpr) {}
